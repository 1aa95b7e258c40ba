"""An HTML report a person can check attributions in: each article's text, its quotes marked.

:func:`render_report` gives one self-contained HTML document (inline CSS, a few lines of
plain JavaScript, no network: a Content-Security-Policy lets nothing else load or run).
It has an index of the articles, each article's text with every quote marked in its
speaker's colour, a sidebar of the speakers, and an inline SVG bar chart of the speakers
quoted most.  :func:`write_report` writes it to a file, and splits a large dataset into
an index page and pages of ``page_size`` articles in a folder next to it.

Marks carry what a reader needs without colour: the speaker's initials in a badge, and
the kind of quote in the underline (solid: direct, dashed: indirect, double: mixed).  A
mark can be focused with the keyboard (``tabindex="0"``); focusing or hovering it shows
speaker, role, affiliation, kind, cue and medium.  Quotes that overlap or nest in the
text are drawn as nested marks: a quote is one ``<mark>`` carrying ``data-quote-id``,
and where it crosses the end of another mark or of a paragraph it goes on in marks
carrying ``data-part-of`` instead, so that every quote has exactly one mark.

Every piece of text from the data is escaped (:func:`html.escape`), in elements and in
attributes alike, and the script writes data only as text, never as markup.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import html
import itertools
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Final, NamedTuple

from newsrecord._atomic import atomic_write, check_writable
from newsrecord._model import Article, Quote, Speaker
from newsrecord._show import affiliation_text, format_published

__all__ = ["DEFAULT_PAGE_SIZE", "render_report", "write_report"]

#: Articles on one page of a report written by :func:`write_report`.
DEFAULT_PAGE_SIZE: Final = 200
#: Speakers listed in a sidebar, and bars in the chart.
SIDEBAR_SPEAKERS: Final = 100
CHART_SPEAKERS: Final = 10
#: Colours of speakers (see the ``.c0`` ... ``.c9`` rules of the style sheet).
PALETTE: Final = 10
UNATTRIBUTED: Final = "unattributed"

_STYLE: Final = """
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --paper: #fff; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: var(--ink); background: #f6f8fa; }
header.top { padding: 1rem 1.5rem; background: var(--paper); border-bottom: 1px solid var(--line); }
header.top h1 { margin: 0; font-size: 1.4rem; }
header.top p { margin: .2rem 0 0; color: var(--muted); }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 20rem; gap: 1.5rem;
  padding: 1.5rem; max-width: 80rem; }
@media (max-width: 60rem) { .layout { grid-template-columns: minmax(0, 1fr); } }
main section, aside section { background: var(--paper); border: 1px solid var(--line);
  border-radius: 6px; padding: 1rem 1.25rem; margin-bottom: 1.5rem; }
aside { position: sticky; top: 1rem; align-self: start; max-height: calc(100vh - 2rem);
  overflow: auto; }
h2 { font-size: 1.15rem; margin: 0 0 .3rem; }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
.meta, .muted { color: var(--muted); font-size: .9rem; }
ol.index { padding-left: 2.2rem; } ol.index li { margin: .15rem 0; }
article p { white-space: pre-wrap; margin: .6rem 0; }
ul.legend, ul.speakers { list-style: none; padding: 0; margin: .4rem 0; }
ul.legend li, ul.speakers li { margin: .25rem 0; }
.badge { display: inline-block; min-width: 1.6em; padding: 0 .25em; margin-right: .3em;
  border-radius: 3px; font: 600 .7rem/1.4 ui-monospace, monospace; text-align: center;
  vertical-align: .15em; color: #fff; }
mark.q { color: inherit; padding: .05em 0; text-decoration-line: underline;
  text-decoration-thickness: 2px; text-underline-offset: .22em; border-radius: 2px; }
mark.q[data-kind="direct"] { text-decoration-style: solid; }
mark.q[data-kind="indirect"] { text-decoration-style: dashed; }
mark.q[data-kind="mixed"] { text-decoration-style: double; text-decoration-thickness: 3px; }
mark.q[data-quote-id]::before { content: attr(data-initials); display: inline-block;
  padding: 0 .25em; margin-right: .2em; border-radius: 3px; font: 600 .68rem/1.4
  ui-monospace, monospace; vertical-align: .15em; color: #fff;
  background: var(--dark, #374151); }
mark.q mark.q { padding: .1em 0; }
mark.q:focus { outline: 3px solid #0969da; outline-offset: 2px; }
mark.q.active { box-shadow: 0 0 0 2px var(--dark); }
#tip { position: absolute; z-index: 10; max-width: 24rem; padding: .5rem .7rem;
  background: #1f2328; color: #fff; border-radius: 6px; font-size: .88rem; line-height: 1.4;
  box-shadow: 0 4px 12px rgba(0,0,0,.25); }
#tip[hidden] { display: none; }
#tip b { display: block; font-size: .95rem; }
dl.tip { margin: .2rem 0 0; display: grid; grid-template-columns: auto 1fr; gap: 0 .6rem; }
dl.tip dt { color: #c9d1d9; } dl.tip dd { margin: 0; }
.kinds span { margin-right: .4rem; white-space: nowrap; }
.kinds u { text-decoration-thickness: 2px; text-underline-offset: .22em; }
.kinds u.direct { text-decoration-style: solid; }
.kinds u.indirect { text-decoration-style: dashed; }
.kinds u.mixed { text-decoration-style: double; text-decoration-thickness: 3px; }
nav.pages { margin: .5rem 0 1rem; } nav.pages a, nav.pages span { margin-right: .8rem; }
svg text { font: 12px system-ui, sans-serif; fill: #1f2328; }
.c0 { background: #fde2e4; --dark: #b3261e; text-decoration-color: #b3261e; }
.c1 { background: #dbeafe; --dark: #1d4ed8; text-decoration-color: #1d4ed8; }
.c2 { background: #dcfce7; --dark: #15803d; text-decoration-color: #15803d; }
.c3 { background: #fef3c7; --dark: #b45309; text-decoration-color: #b45309; }
.c4 { background: #ede9fe; --dark: #6d28d9; text-decoration-color: #6d28d9; }
.c5 { background: #cffafe; --dark: #0e7490; text-decoration-color: #0e7490; }
.c6 { background: #fce7f3; --dark: #be185d; text-decoration-color: #be185d; }
.c7 { background: #e0e7ff; --dark: #4338ca; text-decoration-color: #4338ca; }
.c8 { background: #ecfccb; --dark: #4d7c0f; text-decoration-color: #4d7c0f; }
.c9 { background: #ffedd5; --dark: #c2410c; text-decoration-color: #c2410c; }
.cu { background: #e5e7eb; --dark: #374151; text-decoration-color: #374151; }
.badge.c0, .badge.c1, .badge.c2, .badge.c3, .badge.c4, .badge.c5, .badge.c6, .badge.c7,
.badge.c8, .badge.c9, .badge.cu { background: var(--dark); }
rect.c0, rect.c1, rect.c2, rect.c3, rect.c4, rect.c5, rect.c6, rect.c7, rect.c8, rect.c9,
rect.cu { fill: var(--dark); }
""".strip()

# The tooltip: filled from the mark's data attributes with textContent only, so data is
# never read as markup.  A quote named in the address (#a1-q2) is focused on load.
_SCRIPT: Final = """
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  var fields = [["role, affiliation", "affiliation"], ["kind", "kind"], ["cue", "cue"],
    ["via", "via"], ["as written", "mention"]];
  function main(el) {
    var mark = el.closest ? el.closest("mark.q") : null;
    if (mark && mark.dataset.partOf) { mark = document.getElementById(mark.dataset.partOf); }
    return mark;
  }
  function show(mark) {
    var name = document.createElement("b");
    name.textContent = mark.dataset.speaker || "no speaker";
    var list = document.createElement("dl");
    list.className = "tip";
    fields.forEach(function (field) {
      var value = mark.dataset[field[1]];
      if (!value) { return; }
      var term = document.createElement("dt"), text = document.createElement("dd");
      term.textContent = field[0];
      text.textContent = value;
      list.appendChild(term);
      list.appendChild(text);
    });
    tip.replaceChildren(name, list);
    tip.dataset.for = mark.id;
    tip.hidden = false;
    var box = mark.getBoundingClientRect();
    tip.style.left = Math.max(8, window.scrollX + box.left) + "px";
    tip.style.top = (window.scrollY + box.bottom + 6) + "px";
    mark.classList.add("active");
  }
  function hide() {
    var shown = tip.dataset.for && document.getElementById(tip.dataset.for);
    if (shown) { shown.classList.remove("active"); }
    tip.hidden = true;
    delete tip.dataset.for;
  }
  document.querySelectorAll("mark.q[title]").forEach(function (mark) {
    mark.removeAttribute("title");
  });
  document.addEventListener("focusin", function (event) {
    var mark = main(event.target);
    if (mark) { show(mark); } else { hide(); }
  });
  document.addEventListener("focusout", hide);
  document.addEventListener("mouseover", function (event) {
    var mark = main(event.target);
    if (mark) { show(mark); }
  });
  document.addEventListener("mouseout", function (event) {
    if (main(event.target) && document.activeElement !== main(event.target)) { hide(); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { hide(); }
  });
  function focusHash() {
    var id = location.hash && decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && target.matches("mark.q")) { target.focus(); show(target); }
  }
  window.addEventListener("hashchange", focusHash);
  focusHash();
})();
""".strip()


def _digest(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


_POLICY: Final = (
    "default-src 'none'; "
    f"style-src 'sha256-{_digest(_STYLE)}'; "
    f"script-src 'sha256-{_digest(_SCRIPT)}'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)


def _e(text: str) -> str:
    """Text from the data, escaped for an element or a quoted attribute."""
    return html.escape(text, quote=True)


class Palette:
    """Speakers' colours on one page: ``c0`` ... ``c9`` in order of first use, then again.

    Speakers met one after the other get different colours; past ten, colours repeat
    and the badges (initials) tell speakers apart.  Quotes without a speaker are ``cu``.
    """

    def __init__(self) -> None:
        self._classes: dict[str, str] = {}

    def __call__(self, name: str | None) -> str:
        if name is None:
            return "cu"
        key = " ".join(name.split())
        found = self._classes.get(key)
        if found is None:
            found = self._classes[key] = f"c{len(self._classes) % PALETTE}"
        return found


_WORD: Final = re.compile(r"\w", re.UNICODE)


def initials(name: str) -> str:
    """``JN`` for "Jana Novak": the first letters of the first and last words."""
    words = [word for word in name.split() if _WORD.search(word)]
    if not words:
        return "?"
    firsts = [_WORD.search(word).group(0) for word in words]  # type: ignore[union-attr]
    letters = firsts[0] + (firsts[-1] if len(firsts) > 1 else "")
    return letters.upper()


class _Who(NamedTuple):
    """How one article shows one of its speakers."""

    speaker: Speaker | None
    initials: str
    colour: str
    anchor: str  # the id of its legend entry


def _speaker_affiliations(speaker: Speaker | None) -> str:
    if speaker is None:
        return ""
    return "; ".join(affiliation_text(a) for a in speaker.affiliations)


def _cast(article: Article, anchor: str, palette: Palette) -> dict[str | None, _Who]:
    """The speakers of an article that it quotes, in order, with unique initials."""
    cast: dict[str | None, _Who] = {}
    used: set[str] = set()
    for quote in article.quotes:
        if quote.speaker_id in cast:
            continue
        speaker = article.speaker(quote.speaker_id)
        if speaker is None:
            letters = "?"
        else:
            letters = base = initials(speaker.name)
            number = 2
            while letters in used:
                letters = f"{base}{number}"
                number += 1
        used.add(letters)
        cast[quote.speaker_id] = _Who(
            speaker=speaker,
            initials=letters,
            colour=palette(speaker.name if speaker else None),
            anchor=f"{anchor}-s{len(cast) + 1}",
        )
    return cast


def _tooltip_title(quote: Quote, who: _Who) -> str:
    parts = [who.speaker.name if who.speaker else "no speaker"]
    affiliation = _speaker_affiliations(who.speaker)
    if affiliation:
        parts.append(affiliation)
    parts.append(f"{quote.kind.value} quote")
    if quote.cue:
        parts.append(f"cue: {quote.cue}")
    if quote.via:
        parts.append(f"via: {quote.via}")
    return " · ".join(parts)


def _open_mark(quote: Quote, who: _Who, ident: str, *, first: bool) -> str:
    kind = _e(quote.kind.value)
    if not first:
        return f'<mark class="q {who.colour}" data-kind="{kind}" data-part-of="{ident}">'
    data = {
        "quote-id": quote.id,
        "speaker": who.speaker.name if who.speaker else "",
        "initials": who.initials,
        "affiliation": _speaker_affiliations(who.speaker),
        "kind": quote.kind.value,
        "cue": quote.cue or "",
        "via": quote.via or "",
        "mention": quote.mention or "",
    }
    attributes = " ".join(f'data-{name}="{_e(value)}"' for name, value in data.items() if value)
    return (
        f'<mark class="q {who.colour}" id="{ident}" tabindex="0" {attributes} '
        f'aria-describedby="{who.anchor}" title="{_e(_tooltip_title(quote, who))}">'
    )


def marked_paragraphs(article: Article, cast: dict[str | None, _Who], anchor: str) -> list[str]:
    """The article's paragraphs as HTML, every quote marked once (see the module's text).

    Marks nest in a fixed order: by start, the longer quote outside, then by position in
    the record.
    """
    quotes = article.quotes
    order = sorted(range(len(quotes)), key=lambda i: (quotes[i].start, -quotes[i].end, i))
    rank = {index: place for place, index in enumerate(order)}
    ident = [f"{anchor}-q{index + 1}" for index in range(len(quotes))]
    started: set[int] = set()
    paragraphs = []
    start = 0
    text = article.text
    for paragraph in article.paragraphs:
        end = start + len(paragraph)
        inside = [i for i in order if quotes[i].start < end and quotes[i].end > start]
        cuts = {start, end}
        for i in inside:
            cuts.update(cut for cut in (quotes[i].start, quotes[i].end) if start < cut < end)
        bounds = sorted(cuts)
        parts: list[str] = []
        stack: list[int] = []
        for left, right in itertools.pairwise(bounds):
            covering = [i for i in inside if quotes[i].start <= left and quotes[i].end >= right]
            covering.sort(key=rank.__getitem__)
            keep = 0
            while keep < min(len(stack), len(covering)) and stack[keep] == covering[keep]:
                keep += 1
            parts.extend("</mark>" for _ in stack[keep:])
            for i in covering[keep:]:
                who = cast[quotes[i].speaker_id]
                parts.append(_open_mark(quotes[i], who, ident[i], first=i not in started))
                started.add(i)
            stack = covering
            parts.append(_e(text[left:right]))
        parts.extend("</mark>" for _ in stack)
        paragraphs.append("".join(parts))
        start = end + 2  # the paragraph separator, "\n\n"
    return paragraphs


def _legend(article: Article, cast: dict[str | None, _Who]) -> str:
    counts: dict[str | None, int] = {}
    for quote in article.quotes:
        counts[quote.speaker_id] = counts.get(quote.speaker_id, 0) + 1
    items = []
    for speaker_id, who in cast.items():
        name = who.speaker.name if who.speaker else "no speaker"
        affiliation = _speaker_affiliations(who.speaker)
        detail = f" — {_e(affiliation)}" if affiliation else ""
        number = counts[speaker_id]
        items.append(
            f'<li id="{who.anchor}"><span class="badge {who.colour}">{_e(who.initials)}</span>'
            f"<b>{_e(name)}</b>{detail} "
            f'<span class="muted">({number} quote{"" if number == 1 else "s"})</span></li>'
        )
    return f'<ul class="legend">{"".join(items)}</ul>' if items else ""


def _article_meta(article: Article) -> str:
    parts = [format_published(article.published), article.language or "language unknown"]
    if article.source:
        parts.append(article.source)
    if article.authors:
        parts.append(", ".join(article.authors))
    count = len(article.quotes)
    parts.append(f"{count} quote{'' if count == 1 else 's'}")
    meta = " · ".join(_e(part) for part in parts)
    if article.url and article.url.lower().startswith(("https://", "http://")):
        meta += f' · <a href="{_e(article.url)}" rel="noreferrer">{_e(article.url)}</a>'
    elif article.url:  # javascript:, data: ... are shown, never linked
        meta += f" · {_e(article.url)}"
    return meta


def article_html(article: Article, anchor: str, palette: Palette | None = None) -> str:
    """One article as an HTML ``<section>``: title, details, legend, marked text."""
    cast = _cast(article, anchor, palette if palette is not None else Palette())
    language = f' lang="{_e(article.language)}"' if article.language else ""
    body = "".join(f"<p>{paragraph}</p>" for paragraph in marked_paragraphs(article, cast, anchor))
    return (
        f'<section><article id="{anchor}" data-article-id="{_e(article.id)}"{language}>'
        f"<h2>{_e(article.title)}</h2>"
        f'<p class="meta">{_article_meta(article)}</p>'
        f"{_legend(article, cast)}{body}</article></section>"
    )


class _SpeakerEntry:
    """A speaker of a report: quotes, affiliations, and the first quote's address."""

    __slots__ = ("affiliations", "first", "name", "quotes")

    def __init__(self, name: str, *, first: str) -> None:
        self.name = name
        self.first = first
        self.quotes = 0
        self.affiliations: dict[str, None] = {}


class _Speakers:
    """The speakers of some articles, by resolved name, in order of first quote."""

    def __init__(self) -> None:
        self.entries: dict[str, _SpeakerEntry] = {}
        self.unattributed = 0

    def add(self, article: Article, href: str) -> None:
        for index, quote in enumerate(article.quotes):
            speaker = article.speaker(quote.speaker_id)
            if speaker is None:
                self.unattributed += 1
                continue
            name = " ".join(speaker.name.split())
            entry = self.entries.get(name)
            if entry is None:
                entry = self.entries[name] = _SpeakerEntry(name, first=f"{href}-q{index + 1}")
            entry.quotes += 1
            for affiliation in speaker.affiliations:
                entry.affiliations.setdefault(affiliation_text(affiliation), None)

    def ranked(self) -> list[_SpeakerEntry]:
        return sorted(self.entries.values(), key=lambda entry: (-entry.quotes, entry.name))


def _sidebar(speakers: _Speakers, palette: Palette) -> str:
    ranked = speakers.ranked()
    items = []
    for entry in ranked[:SIDEBAR_SPEAKERS]:
        affiliation = "; ".join(entry.affiliations)
        detail = f'<br><span class="muted">{_e(affiliation)}</span>' if affiliation else ""
        items.append(
            f'<li><span class="badge {palette(entry.name)}">{_e(initials(entry.name))}</span>'
            f'<a href="{_e(entry.first)}">{_e(entry.name)}</a> '
            f'<span class="muted">{entry.quotes}</span>{detail}</li>'
        )
    more = len(ranked) - SIDEBAR_SPEAKERS
    note = f'<p class="muted">and {more} more</p>' if more > 0 else ""
    none = (
        f'<p class="muted">{speakers.unattributed} quotes without a speaker</p>'
        if speakers.unattributed
        else ""
    )
    return (
        '<section aria-labelledby="speakers-title"><h2 id="speakers-title">Speakers</h2>'
        f'<ul class="speakers">{"".join(items)}</ul>{note}{none}</section>'
    )


def chart_svg(rows: Sequence[tuple[str, int]], palette: Palette | None = None) -> str:
    """A horizontal bar chart (inline SVG) of ``(speaker, quotes)`` rows."""
    if not rows:
        return '<p class="muted">No quotes.</p>'
    palette = palette if palette is not None else Palette()
    label, bar, gap, height = 150, 120, 6, 18
    most = max(count for _, count in rows) or 1
    total_height = len(rows) * (height + gap)
    numbers = 10 + 7 * len(str(most))  # room for the count after the longest bar
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="100%" '
        f'viewBox="0 0 {label + bar + numbers} {total_height}" role="img" '
        'aria-labelledby="chart-title chart-desc">'
        '<title id="chart-title">Speakers quoted most</title>'
        f'<desc id="chart-desc">{_e(", ".join(f"{n}: {c}" for n, c in rows))}</desc>'
    ]
    for place, (name, count) in enumerate(rows):
        y = place * (height + gap)
        width = max(2, round(bar * count / most))
        shown = name if len(name) <= 22 else name[:21] + "…"
        parts.append(
            f'<text x="{label - 6}" y="{y + 13}" text-anchor="end">{_e(shown)}</text>'
            f'<rect class="{palette(name)}" x="{label}" y="{y}" width="{width}" '
            f'height="{height}" rx="2"><title>{_e(name)}: {count}</title></rect>'
            f'<text x="{label + width + 5}" y="{y + 13}">{count}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _chart_section(speakers: _Speakers, palette: Palette) -> str:
    rows = [(entry.name, entry.quotes) for entry in speakers.ranked()[:CHART_SPEAKERS]]
    return (
        '<section aria-labelledby="chart-heading"><h2 id="chart-heading">Quoted most</h2>'
        f"{chart_svg(rows, palette)}</section>"
    )


_KINDS: Final = (
    '<p class="kinds muted">Quotes are underlined: <span><u class="direct">solid</u>: direct,'
    '</span><span><u class="indirect">dashed</u>: indirect,</span><span><u class="mixed">'
    "double</u>: mixed;</span> the badge gives the speaker's initials. Focus (Tab) or hover a "
    "quote for its speaker, role, affiliation, cue and medium.</p>"
)


def _document(title: str, subtitle: str, main: str, aside: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="newsrecord">'
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head>\n"
        f'<body><header class="top"><h1>{_e(title)}</h1><p>{subtitle}</p>{_KINDS}</header>\n'
        f'<div class="layout"><main>{main}</main><aside>{aside}</aside></div>\n'
        '<div id="tip" role="tooltip" hidden></div>'
        f"<script>{_SCRIPT}</script></body></html>\n"
    )


class _IndexEntry(NamedTuple):
    title: str
    published: str
    quotes: int
    href: str


def _index(entries: Sequence[_IndexEntry], start: int = 1) -> str:
    items = "".join(
        f'<li><a href="{_e(entry.href)}">{_e(entry.title)}</a> '
        f'<span class="muted">{_e(entry.published)} · {_count(entry.quotes, "quote")}</span></li>'
        for entry in entries
    )
    return f'<ol class="index" start="{start}">{items}</ol>'


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _subtitle(articles: int, quotes: int, speakers: _Speakers) -> str:
    return " · ".join(
        (
            _count(articles, "article"),
            _count(quotes, "quote"),
            _count(len(speakers.entries), "speaker"),
        )
    )


def _page(
    articles: Sequence[Article],
    *,
    title: str,
    first: int,
    nav: str = "",
) -> str:
    """A page of articles (numbered from ``first``) with its index, sidebar and chart."""
    speakers = _Speakers()
    palette = Palette()
    entries = []
    sections = []
    for number, article in enumerate(articles, start=first):
        anchor = f"a{number}"
        speakers.add(article, f"#{anchor}")
        entries.append(
            _IndexEntry(
                article.title,
                format_published(article.published),
                len(article.quotes),
                f"#{anchor}",
            )
        )
        sections.append(article_html(article, anchor, palette))
    quotes = sum(entry.quotes for entry in entries)
    index = (
        '<section aria-labelledby="index-title"><h2 id="index-title">Articles</h2>'
        f"{nav}{_index(entries, first)}</section>"
    )
    return _document(
        title,
        _subtitle(len(articles), quotes, speakers),
        index + "".join(sections) + nav,
        _chart_section(speakers, palette) + _sidebar(speakers, palette),
    )


def _index_aside(speakers: _Speakers) -> str:
    """The chart and sidebar of an index page: colours in the order of the ranking."""
    palette = Palette()
    for entry in speakers.ranked():
        palette(entry.name)
    return _chart_section(speakers, palette) + _sidebar(speakers, palette)


def render_report(articles: Iterable[Article], *, title: str = "newsrecord report") -> str:
    """One self-contained HTML document of ``articles``; see the module's description.

    For large datasets, :func:`write_report` splits the report into pages.
    """
    return _page(list(articles), title=title, first=1)


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def pages_folder(path: str | os.PathLike[str]) -> Path:
    """The folder of the pages of a split report: ``report_pages`` for ``report.html``."""
    location = Path(path)
    return location.with_name(location.stem + "_pages")


def _nav(current: int, index: str, page_name: str, *, more: bool) -> str:
    """Links to the index and the previous and next pages."""
    links = [f'<a href="{_e(index)}">index</a>']
    if current > 1:
        links.append(f'<a href="{_e(page_name.format(current - 1))}" rel="prev">previous</a>')
    links.append(f"<span>page {current}</span>")
    if more:
        links.append(f'<a href="{_e(page_name.format(current + 1))}" rel="next">next</a>')
    return f'<nav class="pages" aria-label="pages">{"".join(links)}</nav>'


PAGE_NAME: Final = "page-{:04d}.html"
_PAGE_FILE: Final = re.compile(r"page-(\d{4,})\.html")


def _remove_stale_pages(folder: Path, *, keep: int) -> None:
    """Remove the pages after the first ``keep`` left by an earlier, longer report (only
    files named as pages are touched), and the folder if that empties it."""
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        match = _PAGE_FILE.fullmatch(path.name)
        if match and int(match.group(1)) > keep and path.is_file():
            path.unlink()
    with contextlib.suppress(OSError):  # not empty: other files are not ours to remove
        if keep == 0:
            folder.rmdir()


def write_report(
    articles: Iterable[Article],
    path: str | os.PathLike[str],
    *,
    title: str = "newsrecord report",
    page_size: int = DEFAULT_PAGE_SIZE,
    force: bool = False,
) -> list[Path]:
    """Write the report of ``articles`` to ``path``; return the files written.

    Up to ``page_size`` articles make one file, as :func:`render_report` gives it.  More
    are split: ``path`` becomes an index (every article, linked; the sidebar and chart of
    the whole dataset) and the articles go ``page_size`` to a page into
    ``page-0001.html``, ``page-0002.html``, ... in the folder :func:`pages_folder` names
    (``report_pages/`` next to ``report.html``), each page self-contained too.  Articles
    are read one page ahead, so memory stays bounded.  Files are written atomically; an
    existing file is replaced only with ``force=True``, which also removes the pages an
    earlier, longer report left in that folder.
    """
    if page_size < 1:
        raise ValueError(f"page_size must be at least 1, not {page_size}")
    target = Path(path)
    check_writable(target, force=force)
    chunks = _chunks(articles, page_size)
    first = next(chunks, [])
    upcoming = next(chunks, None)
    if upcoming is None:
        with atomic_write(target, force=force) as handle:
            handle.write(_page(first, title=title, first=1))
        if force:
            _remove_stale_pages(pages_folder(target), keep=0)
        return [target]
    current: list[Article] | None = first
    folder = pages_folder(target)
    folder.mkdir(exist_ok=True)
    written: list[Path] = []
    entries: list[_IndexEntry] = []
    speakers = _Speakers()
    number = 0
    while current is not None:
        number += 1
        name = PAGE_NAME.format(number)
        start = (number - 1) * page_size + 1
        for offset, article in enumerate(current, start=start):
            href = f"{folder.name}/{name}#a{offset}"
            speakers.add(article, href)
            entries.append(
                _IndexEntry(
                    article.title, format_published(article.published), len(article.quotes), href
                )
            )
        nav = _nav(number, f"../{target.name}", PAGE_NAME, more=upcoming is not None)
        page = folder / name
        check_writable(page, force=force)
        with atomic_write(page, force=force) as handle:
            handle.write(_page(current, title=title, first=start, nav=nav))
        written.append(page)
        current, upcoming = upcoming, next(chunks, None) if upcoming is not None else None
    _remove_stale_pages(folder, keep=number)
    quotes = sum(entry.quotes for entry in entries)
    index = (
        '<section aria-labelledby="index-title"><h2 id="index-title">Articles</h2>'
        f'<p class="muted">{number} pages of up to {page_size} articles, in '
        f"{_e(folder.name)}/</p>{_index(entries)}</section>"
    )
    with atomic_write(target, force=force) as handle:
        handle.write(
            _document(
                title,
                _subtitle(len(entries), quotes, speakers),
                index,
                _index_aside(speakers),
            )
        )
    return [target, *written]
