"""How fast the Telegram reader, the exports and Frictionless' check of a dataset are.

Run it from the repository root (it needs the ``test`` extra: pandas, Frictionless)::

    python bench/adapters.py                # 5,000 posts
    python bench/adapters.py --posts 20000

The posts are the two made-up posts of ``tests/data/adapters/telegram-result.json``,
repeated with new message ids into one channel export.  Reported: posts a second of
``from_telegram`` with the language given and detected (CPU time, one core), the CPU time
an article of ``to_jsonld`` and ``to_ninjs``, the CPU time of ``to_dataframes`` for them
all, and the wall time of ``frictionless.validate`` on their CSV tables and
``datapackage.json``.
"""

from __future__ import annotations

import argparse
import copy
import json
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

import newsrecord
from newsrecord.adapters import from_telegram

EXPORT = (
    Path(__file__).resolve().parents[1] / "tests" / "data" / "adapters" / "telegram-result.json"
)


def _export(posts: int, directory: Path) -> Path:
    data: dict[str, Any] = json.loads(EXPORT.read_text(encoding="utf-8"))
    templates = [m for m in data["messages"] if m["type"] == "message" and m["text"]]
    messages = []
    for number in range(posts):
        message = copy.deepcopy(templates[number % len(templates)])
        message["id"] = number + 1
        messages.append(message)
    data["messages"] = messages
    path = directory / "result.json"
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=5000, help="posts in the export")
    args = parser.parse_args()
    import frictionless  # a test dependency, not one of newsrecord: imported when run

    warnings.simplefilter("ignore", newsrecord.ParseWarning)
    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder)
        path = _export(args.posts, directory)
        print(f"export: {args.posts} posts, {path.stat().st_size / 1e6:.1f} MB")
        for label, options in (("language given", {"language": "en"}), ("detected", {})):
            start = time.process_time()
            articles = from_telegram(path, **options)
            spent = time.process_time() - start
            print(f"from_telegram ({label}): {len(articles) / spent:,.0f} posts/s (CPU)")
        for name, export in (
            ("to_jsonld", newsrecord.to_jsonld),
            ("to_ninjs", newsrecord.to_ninjs),
        ):
            start = time.process_time()
            for article in articles:
                export(article)
            spent = time.process_time() - start
            print(f"{name}: {spent / len(articles) * 1e6:.1f} µs an article (CPU)")
        start = time.process_time()
        newsrecord.to_dataframes(articles)
        print(f"to_dataframes: {time.process_time() - start:.2f} s for all (CPU)")
        tables = directory / "csv"
        newsrecord.write_csv(articles, tables)
        newsrecord.write_datapackage(tables)
        start = time.perf_counter()
        report = frictionless.validate(str(tables / "datapackage.json"))
        spent = time.perf_counter() - start
        print(f"frictionless validate: valid={report.valid}, {spent:.1f} s (wall)")


if __name__ == "__main__":
    main()
