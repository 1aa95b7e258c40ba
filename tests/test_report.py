"""Tests of ``newsrecord._report``: the HTML report, read as markup and in a real browser.

The markup tests parse the report with the standard library (``htmltree``).  The browser
tests open it in headless Chromium (Debian's ``chromium``; ``.ci/run`` installs it), let
its script run, and check the DOM Chromium serialises (``--dump-dom``); they are skipped,
with the reason, only when no Chromium can be run.  ``NEWSRECORD_UPDATE_SCREENSHOT=1``
makes the browser test copy its screenshot to ``docs/_static/report.png``.  The articles
and posts here are made up for these tests; the example posts are the repository's own.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import newsrecord
from htmltree import Element, parse_html
from newsrecord import Affiliation, Article, OutputExistsError, Quote, QuoteKind, Speaker
from newsrecord._report import (
    PALETTE,
    Palette,
    chart_svg,
    initials,
    pages_folder,
    render_report,
    write_report,
)
from strategies import articles

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))
SCREENSHOT = ROOT / "docs" / "_static" / "report.png"

HOSTILE_POST = """Posted: 02.06.2024 10:00:00

Harbour <script>document.title="owned"</script> vote & "results"

The council met on Tuesday <img src=x onerror="document.title='owned'"> to vote.

“We will not <b>bold</b> anything </mark></p><script>document.title='owned'</script>,” \
said Ivo <i>Lang</i>, a spokesman for the "Quay" & Harbour Party.
"""


def hostile_article() -> Article:
    """The hostile post, and markup in every field the parser leaves plain too."""
    article = newsrecord.parse_post(HOSTILE_POST)
    speaker = Speaker(
        id=article.speakers[0].id,
        name="Ivo <i>Lang</i> \"' onmouseover=\"document.title='owned'",
        affiliations=(
            Affiliation(organization="<svg onload=alert(1)>", role='"><script>x</script>'),
        ),
    )
    quotes = tuple(
        attrs.evolve(quote, cue='said"><i>', via="<iframe src=//example.org>")
        for quote in article.quotes
    )
    return attrs.evolve(article, id='"><i>id', speakers=(speaker,), quotes=quotes)


def example_articles() -> list[Article]:
    return [newsrecord.parse_file(path) for path in EXAMPLES]


def marks(tree: Element) -> list[Element]:
    return [mark for mark in tree.iter("mark") if mark.has_class("q")]


def check_every_quote_marked_once(tree: Element, dataset: list[Article]) -> None:
    """Each quote of each article: one mark with its id and its speaker's name, inside
    that article's element, whose text (with its continuations) is the quote's."""
    sections = list(tree.iter("article"))
    assert [section.get("data-article-id") for section in sections] == [a.id for a in dataset]
    for section, article in zip(sections, dataset, strict=True):
        found = marks(section)
        firsts = [mark for mark in found if mark.get("data-quote-id") is not None]
        ids = [mark.get("data-quote-id") for mark in firsts]
        assert sorted(ids) == sorted(quote.id for quote in article.quotes)  # once each
        by_id = {mark.get("data-quote-id"): mark for mark in firsts}
        for quote in article.quotes:
            mark = by_id[quote.id]
            speaker = article.speaker(quote.speaker_id)
            assert mark.get("data-speaker") == (speaker.name if speaker else None)
            assert mark.get("data-kind") == quote.kind.value
            assert mark.get("tabindex") == "0"
            parts = [mark] + [m for m in found if m.get("data-part-of") == mark.get("id")]
            shown = "".join(part.text() for part in parts)  # nested marks included
            assert shown == in_paragraphs(article, quote)


def in_paragraphs(article: Article, quote: Quote) -> str:
    """The quote's text without the paragraph breaks (which are not shown as text)."""
    inside = set()
    start = 0
    for paragraph in article.paragraphs:
        inside.update(range(start, start + len(paragraph)))
        start += len(paragraph) + 2
    return "".join(article.text[i] for i in range(quote.start, quote.end) if i in inside)


# --------------------------------------------------------------------- markup


def test_every_quote_of_the_examples_is_marked_once() -> None:
    dataset = example_articles()
    tree = parse_html(render_report(dataset))
    check_every_quote_marked_once(tree, dataset)
    assert len(marks(tree)) == sum(len(a.quotes) for a in dataset)  # no splits here
    assert [a.get("lang") for a in tree.iter("article")] == ["en", "en", "en"]
    index = next(tree.iter("ol"))
    assert "2024-09-02 17:40:12 · 10 quotes" in index.text()


def test_body_text_is_the_article_text() -> None:
    (article,) = example_articles()[:1]
    tree = parse_html(render_report([article]))
    (section,) = tree.iter("article")
    paragraphs = [p.text() for p in section.iter("p") if not p.has_class("meta")]
    assert paragraphs == list(article.paragraphs)


def nested_article() -> Article:
    text = "The mayor called the plan “dead on arrival” and left."
    paragraphs = (text, "“Dead, and buried,” she added, “and we move on.”")
    full = "\n\n".join(paragraphs)

    def span(fragment: str, index: int = 0) -> tuple[int, int]:
        start = full.index(fragment, index)
        return start, start + len(fragment)

    mixed = span("the plan “dead on arrival”")
    direct = span("dead on arrival")
    overlap = span("arrival” and left")  # crosses the end of the mixed quote
    across = (span("left.")[0], span("Dead, and")[1])  # runs over the paragraph break
    return Article(
        id="nested",
        title="Mayor rejects the plan",
        paragraphs=paragraphs,
        speakers=(Speaker(id="s1", name="Mara Voss"),),
        quotes=(
            Quote(
                id="m",
                kind=QuoteKind.MIXED,
                text=full[slice(*mixed)],
                start=mixed[0],
                end=mixed[1],
                speaker_id="s1",
                cue="called",
            ),
            Quote(
                id="d",
                kind=QuoteKind.DIRECT,
                text=full[slice(*direct)],
                start=direct[0],
                end=direct[1],
                speaker_id="s1",
            ),
            Quote(
                id="o",
                kind=QuoteKind.INDIRECT,
                text=full[slice(*overlap)],
                start=overlap[0],
                end=overlap[1],
            ),
            Quote(
                id="x",
                kind=QuoteKind.DIRECT,
                text=full[slice(*across)],
                start=across[0],
                end=across[1],
                speaker_id="s1",
            ),
        ),
    )


def test_nested_overlapping_and_multi_paragraph_quotes() -> None:
    article = nested_article()
    html = render_report([article])
    tree = parse_html(html)  # raises on badly nested marks
    check_every_quote_marked_once(tree, [article])
    by_id = {m.get("id"): m for m in marks(tree)}
    direct = next(m for m in marks(tree) if m.get("data-quote-id") == "d")
    mixed = next(m for m in marks(tree) if m.get("data-quote-id") == "m")
    assert mixed in direct.ancestors()  # the direct quote nests in the mixed one
    # The indirect quote starts inside the direct one and ends after the mixed one: it
    # goes on in a mark after each of them ends.
    overlap = next(m for m in marks(tree) if m.get("data-quote-id") == "o")
    parts = [m for m in marks(tree) if m.get("data-part-of") == overlap.get("id")]
    assert [overlap.text(), *(part.text() for part in parts)] == ["arrival", "”", " and left"]
    assert direct in overlap.ancestors()
    # The last quote starts inside that one, and runs over the paragraph break.
    across = next(m for m in marks(tree) if m.get("data-quote-id") == "x")
    assert parts[-1] in across.ancestors()
    continued = [m for m in marks(tree) if m.get("data-part-of") == across.get("id")]
    assert [across.text(), *(part.text() for part in continued)] == ["left", ".", "“Dead, and"]
    assert by_id[across.get("id")] is across


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_any_article_has_each_quote_marked_once(article: Article) -> None:
    tree = parse_html(render_report([article]))
    check_every_quote_marked_once(tree, [article])


def test_hostile_text_is_escaped_everywhere() -> None:
    article = hostile_article()
    assert article.quotes  # the attack is in a quote and a speaker too
    html = render_report([article], title='<script>alert("t")</script>')
    tree = parse_html(html)
    scripts = list(tree.iter("script"))
    assert len(scripts) == 1  # ours, and nothing from the data
    for tag in ("img", "i", "iframe"):
        assert not list(tree.iter(tag))
    (chart,) = tree.iter("svg")  # the chart's, none from the affiliation
    assert "onload" not in chart.attrs
    assert "Ivo <i>Lang</i>" in chart.text()
    assert [b.text() for b in tree.iter("b")] == [article.speakers[0].name]  # the legend's
    (mark,) = marks(tree)
    assert mark.get("data-speaker") == article.speakers[0].name
    assert mark.get("data-cue") == 'said"><i>'
    assert mark.get("data-affiliation") == '"><script>x</script>, <svg onload=alert(1)>'
    assert not [e for e in tree.iter() if "onmouseover" in e.attrs or "onload" in e.attrs]
    (section,) = tree.iter("article")
    (heading,) = section.iter("h2")
    assert heading.text() == article.title
    assert '<script>document.title="owned"</script>' in heading.text()
    assert not [e for e in tree.iter() if "onerror" in e.attrs]
    assert "<img src=x onerror=" in section.text()


def test_javascript_urls_are_not_linked() -> None:
    article = Article(id="u", title="Link", paragraphs=("x",), url="javascript:alert(1)")
    tree = parse_html(render_report([article]))
    assert not [a for a in tree.iter("a") if (a.get("href") or "").startswith("javascript")]
    assert "javascript:alert(1)" in tree.text()


def test_self_contained_and_locked_down() -> None:
    html = render_report(example_articles())
    tree = parse_html(html)
    (policy,) = [m for m in tree.iter("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    content = policy.get("content") or ""
    assert "default-src 'none'" in content
    assert "script-src 'sha256-" in content
    assert "unsafe-inline" not in content
    for element in tree.iter():
        for name in ("src", "href"):
            value = element.get(name) or ""
            assert not value.startswith(("http:", "https:", "//")), element.tag
    assert not list(tree.iter("link"))


def test_legend_badges_and_sidebar() -> None:
    dataset = example_articles()
    tree = parse_html(render_report(dataset))
    sidebar = next(tree.iter("aside"))
    names = [a.text() for a in sidebar.iter("a")]
    assert names[:3] == ["Helena Marsh", "Bruno Keller", "Jana Novak"]  # most quoted first
    first = next(m for m in marks(tree) if m.get("data-speaker") == "Helena Marsh")
    assert first.get("data-initials") == "HM"
    target = first.get("aria-describedby")
    (entry,) = [li for li in tree.iter("li") if li.get("id") == target]
    assert "Helena Marsh" in entry.text()
    assert "professor, Eastmoor University" in entry.text()
    (svg,) = tree.iter("svg")
    assert len(list(svg.iter("rect"))) == 10


def test_initials_and_palette() -> None:
    assert initials("Jana Novak") == "JN"
    assert initials("Олег Петров") == "ОП"
    assert initials("Lindgrove Transport Department") == "LD"
    assert initials("Madonna") == "M"
    assert initials("— —") == "?"
    palette = Palette()
    colours = [palette(f"Speaker {n}") for n in range(PALETTE + 1)]
    assert len(set(colours[:PALETTE])) == PALETTE  # ten speakers, ten colours
    assert colours[PALETTE] == colours[0]
    assert palette("Speaker  3") == colours[3]
    assert palette(None) == "cu"


def test_report_of_nothing() -> None:
    tree = parse_html(render_report([]))
    assert "0 articles · 0 quotes · 0 speakers" in tree.text()
    assert not list(tree.iter("article"))


def test_chart_of_nobody() -> None:
    assert "No quotes" in chart_svg([])


def test_write_report_one_file(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    assert write_report(example_articles(), target) == [target]
    assert target.read_text(encoding="utf-8") == render_report(example_articles())
    assert not pages_folder(target).exists()
    with pytest.raises(OutputExistsError):
        write_report(example_articles(), target)
    write_report(example_articles()[:1], target, force=True)
    assert len(list(parse_html(target.read_text(encoding="utf-8")).iter("article"))) == 1


def many_articles(count: int) -> Iterator[Article]:
    for number in range(count):
        text = f"“Stop number {number} opens today,” said Ana Ilic."
        start = 1
        end = text.index("”")
        yield Article(
            id=f"a{number}",
            title=f"Stop {number}",
            paragraphs=(text,),
            speakers=(Speaker(id="s1", name="Ana Ilic"),),
            quotes=(
                Quote(
                    id="q1",
                    kind=QuoteKind.DIRECT,
                    text=text[start:end],
                    start=start,
                    end=end,
                    speaker_id="s1",
                ),
            ),
        )


def test_write_report_splits_into_pages(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    written = write_report(many_articles(5), target, page_size=2)
    folder = tmp_path / "report_pages"
    assert written == [
        target,
        folder / "page-0001.html",
        folder / "page-0002.html",
        folder / "page-0003.html",
    ]
    index = parse_html(target.read_text(encoding="utf-8"))
    assert not list(index.iter("article"))
    links = [a.get("href") for a in index.iter("a") if (a.get("href") or "").count("#a")]
    hrefs = [link for link in links if link and link.endswith(tuple(f"#a{n}" for n in range(1, 6)))]
    assert hrefs == [
        "report_pages/page-0001.html#a1",
        "report_pages/page-0001.html#a2",
        "report_pages/page-0002.html#a3",
        "report_pages/page-0002.html#a4",
        "report_pages/page-0003.html#a5",
    ]
    for number, path in enumerate(written[1:], start=1):
        page = parse_html(path.read_text(encoding="utf-8"))
        ids = [a.get("id") for a in page.iter("article")]
        assert ids == [f"a{n}" for n in range(2 * number - 1, min(2 * number, 5) + 1)]
        nav = [a.get("rel") for a in next(page.iter("nav")).iter("a")]
        assert nav == [None] + (["prev"] if number > 1 else []) + (["next"] if number < 3 else [])
    sidebar = next(index.iter("aside"))
    assert "Ana Ilic" in sidebar.text()
    assert "5" in sidebar.text()
    assert "5 articles · 5 quotes · 1 speaker" in index.text()


def test_write_report_refuses_to_overwrite_pages(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    write_report(many_articles(3), target, page_size=2)
    with pytest.raises(OutputExistsError):
        write_report(many_articles(3), target, page_size=2)
    target.unlink()
    with pytest.raises(OutputExistsError):  # a page left from before
        write_report(many_articles(3), target, page_size=2)
    write_report(many_articles(3), target, page_size=2, force=True)


def test_force_removes_pages_of_an_earlier_longer_report(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    folder = pages_folder(target)
    write_report(many_articles(5), target, page_size=1)
    assert len(list(folder.iterdir())) == 5
    write_report(many_articles(3), target, page_size=1, force=True)
    assert sorted(p.name for p in folder.iterdir()) == [
        "page-0001.html",
        "page-0002.html",
        "page-0003.html",
    ]
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    write_report(many_articles(1), target, page_size=1, force=True)  # one file now
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]  # not ours: kept
    (folder / "notes.txt").unlink()
    write_report(many_articles(2), target, page_size=1, force=True)
    write_report(many_articles(1), target, force=True)
    assert not folder.exists()


def test_chart_leaves_room_for_the_counts() -> None:
    svg = parse_html(chart_svg([("Ana Ilic", 20004), ("Ivo Lang", 3)]))
    (chart,) = svg.iter("svg")
    width = float((chart.get("viewbox") or "").split()[2])  # the parser lowercases names
    counts = [t for t in chart.iter("text") if t.text().isdigit()]
    assert [t.text() for t in counts] == ["20004", "3"]
    for text in counts:
        assert float(text.get("x") or 0) + 7 * len(text.text()) <= width


def test_write_report_bad_page_size(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="page_size"):
        write_report([], tmp_path / "r.html", page_size=0)


def test_ten_thousand_articles_make_pages_of_bounded_size(tmp_path: Path) -> None:
    target = tmp_path / "big.html"
    written = write_report(many_articles(10_000), target)
    assert len(written) == 1 + 10_000 // newsrecord.DEFAULT_PAGE_SIZE
    sizes = [path.stat().st_size for path in written]
    assert max(sizes) < 3_000_000  # every file opens quickly in a browser
    index = parse_html(target.read_text(encoding="utf-8"))
    assert sum(1 for _ in next(index.iter("ol")).iter("li")) == 10_000


# -------------------------------------------------------------------- browser


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


CHROMIUM = _chromium()
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def run_chromium(*args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env={**os.environ, "HOME": profile},
        )


def dump_dom(path: Path, fragment: str = "") -> Element:
    done = run_chromium("--virtual-time-budget=2000", "--dump-dom", path.as_uri() + fragment)
    if done.returncode != 0 or "<html" not in done.stdout:
        pytest.fail(f"chromium --dump-dom failed ({done.returncode}): {done.stderr[-2000:]}")
    return parse_html(done.stdout)


@pytest.fixture(scope="module")
def browser() -> str:
    if CHROMIUM is None:
        pytest.skip("no Chromium on this machine (.ci/run installs Debian's chromium)")
    try:
        done = run_chromium("--dump-dom", "data:text/html,<p>ok</p>")
    except (OSError, subprocess.TimeoutExpired) as error:
        pytest.skip(f"Chromium ({CHROMIUM}) cannot be run here: {error}")
    if "<p>ok</p>" not in done.stdout:
        pytest.skip(f"Chromium ({CHROMIUM}) cannot be run here: {done.stderr[-500:]}")
    return CHROMIUM


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_report_in_chromium(browser: str, tmp_path: Path) -> None:
    """The examples' report as a person sees it: a screenshot, and every quote of the
    records marked once with its speaker's name in the DOM after the script ran."""
    dataset = example_articles()
    report = tmp_path / "report.html"
    write_report(dataset, report, title="Example posts")
    tree = dump_dom(report)
    check_every_quote_marked_once(tree, dataset)
    assert not [m for m in marks(tree) if m.get("title")]  # the script took the titles off
    (tip,) = [e for e in tree.iter("div") if e.get("id") == "tip"]
    assert tip.get("hidden") is not None

    # Focusing a quote (here through the address) shows its details.
    quote = dataset[0].quotes[2]
    tree = dump_dom(report, "#a1-q3")
    (tip,) = [e for e in tree.iter("div") if e.get("id") == "tip"]
    assert tip.get("hidden") is None
    assert tip.get("data-for") == "a1-q3"
    speaker = dataset[0].speaker(quote.speaker_id)
    assert speaker is not None
    assert tip.text().startswith(speaker.name)
    assert "professor, Eastmoor University" in tip.text()
    assert f"via{quote.via}" in tip.text()

    # A window tall enough for the whole page: headless Chromium paints only the top of
    # a scrolled page, and the address would scroll to the quote.
    shot = tmp_path / "report.png"
    done = run_chromium(
        "--window-size=1280,2500", f"--screenshot={shot}", report.as_uri() + "#a1-q3"
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert png_size(shot) == (1280, 2500)
    assert shot.stat().st_size > 50_000  # a page with text and colour, not a blank one
    if os.environ.get("NEWSRECORD_UPDATE_SCREENSHOT"):
        SCREENSHOT.parent.mkdir(exist_ok=True)
        shutil.copyfile(shot, SCREENSHOT)


def test_hostile_post_shows_as_text_in_chromium(browser: str, tmp_path: Path) -> None:
    article = hostile_article()
    report = tmp_path / "hostile.html"
    write_report([article], report, title="<script>document.title='owned'</script>")
    tree = dump_dom(report)
    (title,) = next(tree.iter("head")).iter("title")
    assert title.text() == "<script>document.title='owned'</script>"  # not run, not "owned"
    assert len(list(tree.iter("script"))) == 1
    assert not list(tree.iter("img"))
    assert not list(tree.iter("i"))
    (section,) = tree.iter("article")
    assert '<script>document.title="owned"</script>' in next(section.iter("h2")).text()
    check_every_quote_marked_once(tree, [article])
