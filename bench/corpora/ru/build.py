"""Build ``ru.jsonl``, the Russian attribution set, from ``posts/*.txt`` and ``gold.json``.

Run it from anywhere (``python bench/corpora/ru/build.py``); ``--check`` only verifies
that ``ru.jsonl`` is what it would write.  The posts were written for this project in the
style of the region's state outlets: the people, institutes, outlets and the country
Lornia are made up.

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


def build_record(path: Path, gold: list[dict[str, Any]]) -> dict[str, Any]:
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
        "split": "ru",
        "publisher": "newsrecord (written for the project)",
        "date": f"{year}-{month}-{day}",
        "title": title,
        "language": "ru",
        "text": text,
        "quotes": quotes,
    }


def build() -> str:
    """The text of ``ru.jsonl``."""
    gold: dict[str, list[dict[str, Any]]] = json.loads(
        (HERE / "gold.json").read_text(encoding="utf-8")
    )
    posts = sorted((HERE / "posts").glob("*.txt"))
    if sorted(gold) != [p.name for p in posts]:
        raise ValueError("gold.json and posts/ do not list the same posts")
    records = [build_record(path, gold[path.name]) for path in posts]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def main(argv: list[str] | None = None) -> int:
    """Write ``ru.jsonl`` (or, with ``--check``, compare it)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    text = build()
    target = HERE / "ru.jsonl"
    if args.check:
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            print("ru.jsonl is out of date: run python bench/corpora/ru/build.py", file=sys.stderr)
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
