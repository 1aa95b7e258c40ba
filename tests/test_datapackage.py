"""Tests of ``newsrecord._datapackage``: ``datapackage.json``, checked by Frictionless.

``frictionless validate`` (its Python API, and the command once) must pass on the tables
that ``write_csv`` writes with the descriptor beside them, and fail, naming the table,
on a table broken in each way the descriptor describes: a type, a constraint, a primary
key, a foreign key.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsrecord import (
    Affiliation,
    Article,
    Entity,
    Quote,
    QuoteKind,
    Span,
    Speaker,
    SpeakerKind,
    datapackage,
    write_csv,
    write_datapackage,
)
from newsrecord._csvio import COLUMNS
from newsrecord.adapters import from_telegram, from_trafilatura

frictionless = pytest.importorskip("frictionless")

DATA = Path(__file__).parent / "data" / "adapters"


def dataset() -> list[Article]:
    text = "The office said: “No cuts, none at all.” Ann Lee agreed."
    start = text.index("No cuts")
    odd = Article(
        id="odd, \"quoted\" id",
        title="=1+1",
        source="",
        paragraphs=(text,),
        speakers=(
            Speaker(id="s1", name="The Water Office", kind=SpeakerKind.ORGANIZATION),
            Speaker(
                id="s2",
                name="Ann Lee",
                aliases=("Ms. Lee", "Ms. Lee"),
                affiliations=(Affiliation(role="clerk"), Affiliation(organization="Union")),
            ),
        ),
        quotes=(
            Quote(id="q1", kind=QuoteKind.DIRECT, text="No cuts, none at all.", start=start,
                  end=start + 21, speaker_id="s1"),
            Quote(id="q2", kind=QuoteKind.MIXED, text="agreed", start=len(text) - 7,
                  end=len(text) - 1),
        ),
        entities=(
            Entity(id="e1", name="The Water Office", kind=SpeakerKind.ORGANIZATION,
                   speaker_id="s1", mentions=(Span(start=0, end=10, text="The office"),)),
            Entity(id="e2", name="Ann Lee", kind=SpeakerKind.PERSON, speaker_id="s2",
                   affiliations=(Affiliation(role="clerk"),),
                   mentions=(Span(start=len(text) - 15, end=len(text) - 8, text="Ann Lee"),)),
            Entity(id="e3", name="Union", kind=SpeakerKind.ORGANIZATION),
        ),
    )  # fmt: skip
    headline = "Ann Lee: “No cuts at all”"
    headlined = Article(
        id="headlined",
        title=headline,
        speakers=(Speaker(id="s1", name="Ann Lee"),),
        title_quote=Quote(id="t1", kind=QuoteKind.DIRECT, text="No cuts at all", start=10,
                          end=24, speaker_id="s1", mention="Ann Lee"),
    )  # fmt: skip
    return [
        *from_trafilatura(DATA / "trafilatura.json"),
        *from_telegram(DATA / "telegram-result.json"),
        odd,
        headlined,
    ]


def report(directory: Path) -> dict[str, list[str]]:
    result = frictionless.validate(str(directory / "datapackage.json"))
    return {task.name: [error.type for error in task.errors] for task in result.tasks}


@pytest.fixture
def written(tmp_path: Path) -> Path:
    directory = tmp_path / "dataset"
    write_csv(dataset(), directory)
    write_datapackage(directory)
    return directory


def test_the_descriptor_covers_every_column() -> None:
    descriptor = datapackage()
    tables = {
        r["path"]: [f["name"] for f in r["schema"]["fields"]] for r in descriptor["resources"]
    }
    assert tables == {table: list(columns) for table, columns in COLUMNS.items()}
    assert descriptor == json.loads(json.dumps(descriptor))  # plain JSON


def test_what_we_write_is_valid(written: Path) -> None:
    assert report(written) == {table.removesuffix(".csv"): [] for table in COLUMNS}
    assert len(report(written)) == 8


def test_the_command_line_validator_agrees(written: Path) -> None:
    command = shutil.which("frictionless") or str(Path(sys.executable).with_name("frictionless"))
    done = subprocess.run(
        [command, "validate", "datapackage.json"],
        cwd=written,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (written / "quotes.csv").write_text("article_id,quote_id\r\n", encoding="utf-8")
    failed = subprocess.run(
        [command, "validate", "datapackage.json"],
        cwd=written,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert failed.returncode != 0


def edit(directory: Path, table: str, old: str, new: str) -> None:
    path = directory / table
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8", newline="")


@pytest.mark.parametrize(
    ("table", "old", "new", "error"),
    [
        ("quotes.csv", ",direct,", ",quoted,", "constraint-error"),  # not a kind
        ("speakers.csv", ",organization,", ",company,", "constraint-error"),
        ("quotes.csv", ",s1,Ms. Novak,", ",s1,Ms. Novak,,", "extra-cell"),
        ("articles.csv", ",newsrecord/1,", ",newsrecord/2,", "constraint-error"),
        ("articles.csv", '"[""Lea Marsh"",""Tom Reed""]"', "Lea Marsh", "type-error"),  # list
        ("quotes.csv", ",0,29,", ",0.5,29,", "type-error"),  # start is an integer
        ("quotes.csv", ",0,29,", ",-1,29,", "constraint-error"),  # ... and not negative
        ("articles.csv", "telegram-1987654321-4,", "telegram-1987654321-2,", "primary-key"),
        ("quotes.csv", "telegram-1987654321-2,", "telegram-1987654321-9,", "foreign-key"),
        ("affiliations.csv", ",s2,,clerk", ",s7,,clerk", "foreign-key"),
        ("articles.csv", "2024-03-14T09:15:00+00:00", "yesterday", "type-error"),
        ("title_quotes.csv", ",direct,", ",quoted,", "constraint-error"),
        ("title_quotes.csv", "headlined,", "nowhere,", "foreign-key"),
        ("title_quotes.csv", ",10,24,", ",x,24,", "type-error"),
        (  # one headline quote an article
            "title_quotes.csv",
            "Ann Lee,,\n",
            "Ann Lee,,\nheadlined,t2,indirect,No cuts,10,17,,,,\n",
            "primary-key",
        ),
    ],
)
def test_a_broken_table_fails(written: Path, table: str, old: str, new: str, error: str) -> None:
    edit(written, table, old, new)
    errors = report(written)
    name = table.removesuffix(".csv")
    assert error in errors[name], errors


def test_spreadsheet_safe_tables(tmp_path: Path) -> None:
    directory = tmp_path / "safe"
    write_csv(dataset(), directory, spreadsheet_safe=True)
    write_datapackage(directory, spreadsheet_safe=True)
    assert "spreadsheet-safe" in datapackage(spreadsheet_safe=True)["description"]
    assert report(directory) == {table.removesuffix(".csv"): [] for table in COLUMNS}


def test_write_datapackage_refuses_to_overwrite(written: Path) -> None:
    with pytest.raises(FileExistsError):
        write_datapackage(written)
    assert write_datapackage(written, force=True) == written / "datapackage.json"
