"""Write the seed corpora and dictionaries of the fuzz harnesses (small, made up here).

    python fuzz/make_seeds.py [DIRECTORY]

makes ``DIRECTORY/corpus/{parse_post,read_jsonl,read_csv}/`` (default: this folder) and
``parse_post.dict``, ``read_jsonl.dict``, ``read_csv.dict`` beside the harnesses.
Every post below was written for these seeds; nothing is copied from real news.  Seeds
are rewritten on each run; inputs the fuzzers added to a corpus are left alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import sys
import tempfile
import warnings
from pathlib import Path

from newsrecord import parse_post, to_json, write_csv

HERE = Path(__file__).resolve().parent

POSTS = (
    "Posted: 14.03.2024 09:15:00\n\nCouncil approves harbour tram\n\n"
    "Jana Novak, an economist at the Institute of Transport Studies, said the line "
    "would pay for itself.\n\n"
    "“Every city of this size carried more passengers than planned,” Ms. Novak said.\n",
    "Posted: 03/04/2024 18:00 CET\nSource: Valley Courier\nBy Ana Ruiz and Tom Berg\n\n"
    "Roof of the old mill repaired\n\n"
    '"We finished two weeks early," said Petra Lind, the site manager.\n\n'
    "The mayor said that the building would open in May.\n",
    "Date: 2023-11-08T16:38:00+03:00\nLanguage: de\n\nNeue Brücke eröffnet\n\n"
    "„Wir sind sehr zufrieden“, sagte die Bürgermeisterin Eva Roth.\n",
    "Posted: 8 November 2023 GMT+3\n\nЗавод открыл новый цех\n\n"
    "«Это важный день для города», — сказал директор завода Иван Петров.\n",
    "Title: Market hall closes for a month\nURL: https://example.org/market\n\n"
    "According to the city's market office, the hall needs new wiring. "
    "The office called the work “long overdue” in a statement.\n",
    "Headline only\n",
    "\ufeffPosted: 31.02.2023\r\n\r\nImpossible date\r\n\r\n‘Single quotes,’ he said.\r\n",
    "Posted: 10000-01-01\n\nFar future\n\n“Unclosed quotation at the start\n\nand more.\n",
    "\n\n   \n",
    "",
)

BAD_JSONL = (
    b"",
    b"\n\n",
    b"{}\n",
    b"[]\n",
    b'{"schema": 1, "schema": 2}\n',
    b'{"id": 1e999}\n',
    b"[" * 64 + b"]" * 64 + b"\n",
    b'{"a": NaN}\n',
    b'{"title": "\\ud800"}\n',
    b"\xef\xbb\xbf{}\n",
    b"\xff\xfe\n",
)


def _write(directory: Path, seeds: list[bytes]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for seed in seeds:
        name = "seed-" + hashlib.sha1(seed).hexdigest()[:16]
        (directory / name).write_bytes(seed)


def _articles() -> list[object]:
    articles = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for post in POSTS:
            with contextlib.suppress(ValueError):
                articles.append(parse_post(post))
    return articles


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    corpus = root / "corpus"
    posts = [post.encode("utf-8") for post in POSTS]
    _write(
        corpus / "parse_post",
        [bytes([flags]) + post for post in posts for flags in (0x00, 0x05, 0x12, 0x43)]
        + [b"\x20" + POSTS[3].encode("cp1251")],
    )
    articles = _articles()
    lines = [to_json(article).encode("utf-8") + b"\n" for article in articles]  # type: ignore[arg-type]
    _write(corpus / "read_jsonl", [*lines, b"".join(lines), *BAD_JSONL])

    from read_csv import SEPARATOR, TABLES

    csv_seeds = []
    with tempfile.TemporaryDirectory() as scratch:
        for index in range(len(articles) + 1):
            out = Path(scratch) / str(index)
            chosen = articles[index : index + 2] if index < len(articles) else articles
            write_csv(chosen, out)  # type: ignore[arg-type]
            tables = [(out / table).read_bytes() for table in TABLES]
            csv_seeds.append(b"\x00" + SEPARATOR.join(tables))
        safe = Path(scratch) / "safe"
        write_csv(articles, safe, spreadsheet_safe=True)  # type: ignore[arg-type]
        csv_seeds.append(b"\x01" + SEPARATOR.join((safe / t).read_bytes() for t in TABLES))
        # the seven tables of a dataset written before headline quotes existed, and the
        # four of one written before entities existed
        csv_seeds.append(b"\x00" + SEPARATOR.join((out / t).read_bytes() for t in TABLES[:7]))
        csv_seeds.append(b"\x00" + SEPARATOR.join((out / t).read_bytes() for t in TABLES[:4]))
    _write(corpus / "read_csv", csv_seeds)

    _dictionary(
        HERE / "parse_post.dict",
        [
            "Posted: ",
            "Date: ",
            "Title: ",
            "By ",
            "Source: ",
            "Language: ",
            "\n\n",
            "\r\n",
            '"',
            "“",
            "”",
            "„",
            "«",
            "»",
            "‘",
            "’",
            "‹",
            "›",
            "「",
            "」",
            " said",
            " says",
            " according to ",
            " told ",
            ", who ",
            " GMT+3",
            " UTC+03:00",
            " CET",
            "31.02.2023",
            "10000-01-01",
            "2023-11-08T16:38:00+99:00",
            "03/04/2024",
            "Ms. ",
            "Dr. ",
        ],
    )
    _dictionary(
        HERE / "read_jsonl.dict",
        [
            '"schema":1',
            '"id":',
            '"title":',
            '"published":',
            '"quotes":',
            '"speakers":',
            '"entities":',
            '"mentions":',
            '"paragraphs":',
            '"start":',
            '"end":',
            '"kind":"direct"',
            '"speaker_id":',
            "null",
            "true",
            "[]",
            "{}",
            "\\u0000",
            "\\ud800",
            "1e999",
            "\r",
            "\n",
            '"',
        ],
    )
    _dictionary(
        HERE / "read_csv.dict",
        [
            "--8<--",
            "\r\n",
            '"',
            '""',
            ",",
            "article_id",
            "quote_id",
            "speaker_id",
            "entity_id",
            "[]",
            '["a"]',
            "direct",
            "person",
            "organization",
            "'=",
            "'",
        ],
    )


def _dictionary(path: Path, tokens: list[str]) -> None:
    escaped = []
    for token in tokens:
        data = token.encode("utf-8")
        text = "".join(
            chr(byte) if 32 <= byte < 127 and byte not in b'"\\' else f"\\x{byte:02x}"
            for byte in data
        )
        escaped.append(f'"{text}"')
    path.write_text("\n".join(escaped) + "\n", encoding="ascii")


if __name__ == "__main__":
    main()
