"""Build the Russian attribution set: ``ru.jsonl`` from ``posts/*.txt`` and ``gold.json``,
``heldout.jsonl`` from ``heldout/*.txt`` and ``gold_heldout.json``.

Run it from anywhere (``python bench/corpora/ru/build.py``); ``--check`` only verifies
that the files are what it would write.  The posts were written for this project in the
style of the region's state outlets: the people, institutes, outlets and the country
Lornia are made up.  The Russian rules were written with ``posts/`` in view; the posts
of ``heldout/`` were written afterwards and scored before any rule was changed for them,
as a check on prose the rules were not fitted to.

Each record has the layout of the PolNeAR records ``bench/attribution.py`` reads: ``text``
is the headline, a blank line and the paragraphs separated by blank lines; a quote's
``parts`` are ``[start, end]`` offsets with ``text[start:end]`` equal to the annotated
piece; ``speaker`` is the source as written next to the quote (``source_start`` and
``source_end`` locate the occurrence nearest the quote) and ``speaker_name`` the person
or organisation it refers to, in the nominative, as the set's annotator resolved it.
Every record also says ``"language": "ru"``.  ``gold.json`` gives the pieces as text, in
text order; each is looked for after the previous one, so the offsets are found, not
typed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
QUOTE_MARKS = '«»„“”"—'


def read_post(path: Path) -> tuple[str, str, list[str]]:
    """The date, headline and paragraphs of a post file (``Posted:`` line, blank, ...)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    if not lines[0].startswith("Posted: "):
        raise ValueError(f"{path.name}: the first line is not a Posted: line")
    date = lines[0].removeprefix("Posted: ").strip()
    rest = [line.strip() for line in lines[1:] if line.strip()]
    return date, rest[0], rest[1:]


def _nearest(text: str, needle: str, near: int) -> tuple[int, int]:
    pattern = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)")
    hits = [m.start() for m in pattern.finditer(text)]
    if not hits:
        raise ValueError(f"speaker {needle!r} is not in the text")
    start = min(hits, key=lambda h: (abs(h - near), h))
    return start, start + len(needle)


def build_record(
    path: Path, gold: list[dict[str, Any]], split: str, language: str = "ru"
) -> dict[str, Any]:
    """One JSON Lines record of the set."""
    date, title, paragraphs = read_post(path)
    text = title + "\n\n" + "\n\n".join(paragraphs)
    quotes: list[dict[str, Any]] = []
    cursor = len(title)
    for entry in gold:
        parts: list[list[int]] = []
        for piece in entry["parts"]:
            start = text.find(piece, cursor)
            if start < 0:
                raise ValueError(f"{path.name}: piece {piece[:40]!r} not found in order")
            parts.append([start, start + len(piece)])
            cursor = start + len(piece)
        cursor = parts[0][0] + 1
        source = _nearest(text, entry["speaker"], parts[0][0])
        quotes.append(
            {
                "text": text[parts[0][0] : parts[-1][1]],
                "start": parts[0][0],
                "end": parts[-1][1],
                "parts": parts,
                "speaker": entry["speaker"],
                "source_start": source[0],
                "source_end": source[1],
                "speaker_name": entry["name"],
                "cue": entry["cue"],
                "via": entry.get("via"),
                "direct": text[parts[0][0]] in QUOTE_MARKS,
            }
        )
    day, month, year = date.split()[0].split(".")
    return {
        "id": path.stem,
        "split": split,
        "publisher": "newsrecord (written for the project)",
        "date": f"{year}-{month}-{day}",
        "title": title,
        "language": language,
        "text": text,
        "quotes": quotes,
    }


#: Each split: its posts' directory and its gold file.
SPLITS: dict[str, tuple[str, str]] = {
    "ru": ("posts", "gold.json"),
    "heldout": ("heldout", "gold_heldout.json"),
    "heldout2": ("heldout2", "gold_heldout2.json"),
    "heldout3": ("heldout3", "gold_heldout3.json"),
    "heldout4": ("heldout4", "gold_heldout4.json"),
    "heldout5": ("heldout5", "gold_heldout5.json"),
}


def build_split(
    here: Path, directory: str, gold_file: str, split: str, language: str = "ru"
) -> str:
    """The text of a split's JSON Lines file, from ``here/directory`` and ``here/gold_file``.

    The English set (``../en/build.py``) is built by this function too.
    """
    gold: dict[str, list[dict[str, Any]]] = json.loads(
        (here / gold_file).read_text(encoding="utf-8")
    )
    posts = sorted((here / directory).glob("*.txt"))
    if sorted(gold) != [p.name for p in posts]:
        raise ValueError(f"{gold_file} and {directory}/ do not list the same posts")
    records = [build_record(path, gold[path.name], split, language) for path in posts]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def build(split: str = "ru") -> str:
    """The text of ``<split>.jsonl``."""
    directory, gold_file = SPLITS[split]
    return build_split(HERE, directory, gold_file, split)


def write_or_check(
    here: Path,
    splits: Iterable[str],
    build_one: Callable[[str], str],
    argv: list[str] | None,
    description: str | None,
) -> int:
    """Write each split's JSON Lines file in ``here`` (or, with ``--check``, compare it):
    the command line of this builder and of the English set's."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    status = 0
    for split in splits:
        text = build_one(split)
        target = here / f"{split}.jsonl"
        if not args.check:
            target.write_text(text, encoding="utf-8")
        elif not target.is_file() or target.read_text(encoding="utf-8") != text:
            print(f"{target.name} is out of date: run python {here / 'build.py'}", file=sys.stderr)
            status = 1
    return status


def main(argv: list[str] | None = None) -> int:
    """Write the splits' JSON Lines files (or, with ``--check``, compare them)."""
    return write_or_check(HERE, SPLITS, build, argv, (__doc__ or "").splitlines()[0] or None)


if __name__ == "__main__":
    sys.exit(main())
