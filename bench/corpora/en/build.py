"""Build the English regional set: ``en.jsonl`` from ``posts/*.txt`` and ``gold.json``.

Run it from anywhere (``python bench/corpora/en/build.py``); ``--check`` only verifies
that the files are what it would write.  The posts were written for this project in the
style of the English services of the region's state outlets (the seed post's kind):
the people, institutes, outlets and the country Lornia are made up.  The records have
the layout of the Russian set's, built by the same code (``../ru/build.py``), with
``"language": "en"``.  The posts of ``heldout/`` were written after the rules that
``posts/`` showed were fixed, and scored before any rule was changed for them; those of
``heldout2/`` likewise after the fixes ``heldout/`` showed, ``heldout3/`` after
``heldout2/``'s, ``heldout4/`` after ``heldout3/``'s and ``heldout5/`` after
``heldout4/``'s, ``heldout6/`` after ``heldout5/``'s.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent


def _shared_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_ru_build", HERE.parent / "ru" / "build.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


#: Each split: its posts' directory and its gold file.
SPLITS: dict[str, tuple[str, str]] = {
    "en": ("posts", "gold.json"),
    "heldout": ("heldout", "gold_heldout.json"),
    "heldout2": ("heldout2", "gold_heldout2.json"),
    "heldout3": ("heldout3", "gold_heldout3.json"),
    "heldout4": ("heldout4", "gold_heldout4.json"),
    "heldout5": ("heldout5", "gold_heldout5.json"),
    "heldout6": ("heldout6", "gold_heldout6.json"),
}


def build(split: str = "en") -> str:
    """The text of ``<split>.jsonl``."""
    directory, gold_file = SPLITS[split]
    return _shared_builder().build_split(HERE, directory, gold_file, split, language="en")


def main(argv: list[str] | None = None) -> int:
    """Write the splits' JSON Lines files (or, with ``--check``, compare them)."""
    description = (__doc__ or "").splitlines()[0] or None
    return int(_shared_builder().write_or_check(HERE, SPLITS, build, argv, description))


if __name__ == "__main__":
    sys.exit(main())
