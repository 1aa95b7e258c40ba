"""Tests of ``newsrecord.adapters._html``: HTML pages through trafilatura (the ``html`` extra).

``data/adapters/page.html`` is a made-up news page with a menu and a footer around the
article.  The tests that read it need trafilatura and are skipped without it; the error
for a missing trafilatura is tested with the import made to fail.
"""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newsrecord import FormatError, MissingExtraError
from newsrecord.adapters import from_html

DATA = Path(__file__).parent / "data" / "adapters"


def _has_trafilatura() -> bool:
    try:
        importlib.import_module("trafilatura")
    except ImportError:
        return False
    return True


needs_trafilatura = pytest.mark.skipif(not _has_trafilatura(), reason="needs newsrecord[html]")


@needs_trafilatura
def test_the_article_of_a_page() -> None:
    (article,) = from_html(DATA / "page.html")
    assert article.title == "Harbour tram approved"
    assert article.source == "The Harbour Courier"
    assert article.url == "https://harbour-courier.example/2024/03/tram"
    assert article.authors == ("Lea Marsh",)
    assert article.published is not None
    assert article.published.date().isoformat() == "2024-03-14"
    text = article.text
    assert "Home" not in text
    assert "rights reserved" not in text
    assert article.paragraphs[0].startswith("The city council approved")
    assert {article.speaker(q.speaker_id).name for q in article.quotes} == {"Jana Novak"}  # type: ignore[union-attr]


@needs_trafilatura
def test_url_option(tmp_path: Path) -> None:
    page = (DATA / "page.html").read_text(encoding="utf-8")
    page = page.replace(
        '<link rel="canonical" href="https://harbour-courier.example/2024/03/tram">', ""
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    (article,) = from_html(path, url="https://mirror.example/tram")
    assert article.url == "https://mirror.example/tram"


def test_not_html(tmp_path: Path) -> None:
    path = tmp_path / "notes.html"
    path.write_text("just some words, no markup at all\n", encoding="utf-8")
    with pytest.raises(FormatError, match="not HTML") as raised:
        from_html(path)
    assert raised.value.file == str(path)


@needs_trafilatura
def test_no_article_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Menu</title></head><body></body></html>", encoding="utf-8")
    with pytest.raises(FormatError, match="no article text") as raised:
        from_html(path)
    assert raised.value.file == str(path)


def test_without_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.import_module

    def refuse(name: str, *args: Any) -> Any:
        if name == "trafilatura":
            raise ImportError("No module named 'trafilatura'")
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", refuse)
    with pytest.raises(MissingExtraError, match=r"pip install 'newsrecord\[html\]'"):
        from_html(DATA / "page.html")


def test_trafilatura_and_pandas_are_not_imported_until_needed() -> None:
    code = (
        "import sys, newsrecord, newsrecord.adapters, newsrecord._cli\n"
        "print(sorted(m for m in ('trafilatura', 'pandas', 'pyld', 'frictionless')"
        " if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]"


def test_the_runtime_dependencies_are_still_the_four() -> None:
    tomllib = pytest.importorskip("tomllib")
    pyproject = Path(__file__).parent.parent / "pyproject.toml"
    if not pyproject.exists():  # pragma: no cover - tests run from an installed copy
        pytest.skip("no pyproject.toml beside the tests")
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    names = sorted(re.split(r"[<>=!~ \[]", d, maxsplit=1)[0] for d in project["dependencies"])
    assert names == ["attrs", "cattrs", "langdetect", "python-dateutil"]
    extras = project["optional-dependencies"]
    assert any(d.startswith("trafilatura") for d in extras["html"])
    assert any(d.startswith("pandas") for d in extras["pandas"])
