"""Tests of ``newsrecord._jsonld``: schema.org JSON-LD, checked with a JSON-LD processor.

PyLD expands and flattens what ``to_jsonld`` and ``write_jsonld`` write.  The context is
inline, so the document loader given to PyLD refuses every request: a test that needed
the network would fail, not fetch.  Every speaker and quote must come out of the expanded
graph as schema.org (and ``nr:``) data equal to the record's.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any
from urllib.parse import quote as percent_encode

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from newsrecord import (
    Article,
    Quote,
    QuoteKind,
    Speaker,
    SpeakerKind,
    to_jsonld,
    write_jsonld,
)
from newsrecord.adapters import from_trafilatura
from strategies import articles

jsonld = pytest.importorskip("pyld.jsonld")

DATA = Path(__file__).parent / "data" / "adapters"
S = "https://schema.org/"
NR = "urn:newsrecord:vocab:"


def no_network(url: str, options: Any = None) -> Any:
    raise AssertionError(f"the JSON-LD processor tried to load {url}")


OPTIONS = {"documentLoader": no_network}


def values(node: dict[str, Any], key: str) -> list[Any]:
    """The values of a property, in order: those of its ``@list`` for a list."""
    found = node.get(key, [])
    if len(found) == 1 and "@list" in found[0]:
        found = found[0]["@list"]
    return [v.get("@value", v.get("@id")) for v in found]


def value(node: dict[str, Any], key: str) -> Any:
    found = values(node, key)
    assert len(found) <= 1, (key, found)
    return found[0] if found else None


def graph(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The nodes of the flattened, expanded document, by ``@id``."""
    flat = jsonld.flatten(document, None, OPTIONS)
    return {node["@id"]: node for node in flat}


def check_lossless(article: Article, nodes: dict[str, dict[str, Any]]) -> None:
    """The article's speakers and quotes, read back from the graph, are the record's."""
    (node,) = [n for n in nodes.values() if f"{S}NewsArticle" in n.get("@type", [])]
    assert value(node, f"{S}identifier") == article.id
    assert value(node, f"{S}headline") == article.title
    assert value(node, f"{S}articleBody") == article.text
    assert value(node, f"{S}inLanguage") == article.language
    published = value(node, f"{S}datePublished")
    assert published == (None if article.published is None else article.published.isoformat())
    authors = [nodes[i] for i in values(node, f"{S}author")]
    assert [value(a, f"{S}name") for a in authors] == list(article.authors)
    publishers = [nodes[i] for i in values(node, f"{S}publisher")]
    assert [value(p, f"{S}name") for p in publishers] == (
        [article.source] if article.source else []
    )
    assert value(node, f"{S}url") == article.url
    iri = "urn:newsrecord:article:" + percent_encode(article.id, safe="")
    assert node["@id"] == iri
    mentioned = [e for e in article.entities if e.speaker_id is None]
    assert values(node, f"{S}mentions") == [
        f"{iri}:speaker:{percent_encode(s.id, safe='')}" for s in article.speakers
    ] + [f"{iri}:entity:{percent_encode(e.id, safe='')}" for e in mentioned]
    for entity in mentioned:
        found = nodes[f"{iri}:entity:{percent_encode(entity.id, safe='')}"]
        assert value(found, f"{S}name") == entity.name
        kind = "Person" if entity.kind is SpeakerKind.PERSON else "Organization"
        assert found["@type"] == [S + kind]
        role_key = f"{S}jobTitle" if kind == "Person" else f"{NR}role"
        assert values(found, role_key) == [a.role for a in entity.affiliations if a.role]
        organization_key = f"{S}affiliation" if kind == "Person" else f"{S}memberOf"
        organizations = [nodes[i] for i in values(found, organization_key)]
        assert [value(o, f"{S}name") for o in organizations] == [
            a.organization for a in entity.affiliations if a.organization is not None
        ]
    speakers_by_iri = {i: nodes[i] for i in values(node, f"{S}mentions")}
    by_iri = {}
    for speaker in article.speakers:
        found = speakers_by_iri[f"{iri}:speaker:{percent_encode(speaker.id, safe='')}"]
        assert value(found, f"{S}name") == speaker.name
        by_iri[found["@id"]] = speaker
        kind = "Person" if speaker.kind is SpeakerKind.PERSON else "Organization"
        assert found["@type"] == [S + kind]
        assert values(found, f"{S}alternateName") == list(speaker.aliases)
        roles = [a.role for a in speaker.affiliations if a.role is not None]
        role_key = f"{S}jobTitle" if kind == "Person" else f"{NR}role"
        assert values(found, role_key) == roles
        organization_key = f"{S}affiliation" if kind == "Person" else f"{S}memberOf"
        organizations = [nodes[i] for i in values(found, organization_key)]
        assert [value(o, f"{S}name") for o in organizations] == [
            a.organization for a in speaker.affiliations if a.organization is not None
        ]
    assert values(node, f"{S}hasPart") == [
        f"{iri}:quote:{percent_encode(q.id, safe='')}" for q in article.quotes
    ]
    quotes = {i: nodes[i] for i in values(node, f"{S}hasPart")}
    for quote in article.quotes:
        check_quote(quote, quotes[f"{iri}:quote:{percent_encode(quote.id, safe='')}"], by_iri)
    headline = article.title_quote
    if headline is None:
        assert value(node, f"{NR}titleQuote") is None
    else:
        found = nodes[value(node, f"{NR}titleQuote")]
        assert found["@id"] == f"{iri}:quote:{percent_encode(headline.id, safe='')}"
        assert found["@id"] not in quotes  # the headline's, not a part of the body
        check_quote(headline, found, by_iri)


def check_quote(quote: Quote, found: dict[str, Any], by_iri: dict[str, Speaker]) -> None:
    assert found["@type"] == [f"{S}Quotation"]
    assert value(found, f"{S}text") == quote.text
    assert value(found, f"{NR}kind") == quote.kind.value
    assert (value(found, f"{NR}start"), value(found, f"{NR}end")) == (quote.start, quote.end)
    for key in ("mention", "cue", "via"):
        assert value(found, NR + key) == getattr(quote, key)
    speaker_iri = value(found, f"{S}spokenByCharacter")
    assert value(found, f"{S}creator") == speaker_iri
    if quote.speaker_id is None:
        assert speaker_iri is None
    else:
        assert by_iri[speaker_iri].id == quote.speaker_id


def test_a_parsed_article_expands_without_loss() -> None:
    (article,) = from_trafilatura(DATA / "trafilatura.json")
    document = to_jsonld(article)
    assert document["@type"] == "NewsArticle"
    assert document["publisher"] == {"@type": "Organization", "name": "The Harbour Courier"}
    expanded = jsonld.expand(document, OPTIONS)
    assert len(expanded) == 1
    (node,) = expanded
    assert value(node, f"{S}url") == article.url
    (authors,) = node[f"{S}author"]
    assert [value(a, f"{S}name") for a in authors["@list"]] == ["Lea Marsh", "Tom Reed"]
    check_lossless(article, graph(document))


def test_a_headline_quote_is_a_quotation_of_its_own() -> None:
    title = "Ivo Hart: “The bridge stays shut”"
    article = Article(
        id="bridge 1",
        title=title,
        speakers=(Speaker(id="s1", name="Ivo Hart"),),
        title_quote=Quote(
            id="t1",
            kind=QuoteKind.DIRECT,
            text="The bridge stays shut",
            start=11,
            end=32,
            speaker_id="s1",
            mention="Ivo Hart",
        ),
    )
    document = to_jsonld(article)
    assert "hasPart" not in document
    assert document["nr:titleQuote"] == {
        "@id": "urn:newsrecord:article:bridge%201:quote:t1",
        "@type": "Quotation",
        "text": "The bridge stays shut",
        "spokenByCharacter": {"@id": "urn:newsrecord:article:bridge%201:speaker:s1"},
        "creator": {"@id": "urn:newsrecord:article:bridge%201:speaker:s1"},
        "nr:kind": "direct",
        "nr:start": 11,
        "nr:end": 32,
        "nr:mention": "Ivo Hart",
    }
    assert title[11:32] == "The bridge stays shut"
    check_lossless(article, graph(document))
    assert "titleQuote" not in json.dumps(to_jsonld(attrs.evolve(article, title_quote=None)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_any_article_expands_without_loss(article: Article) -> None:
    check_lossless(article, graph(to_jsonld(article)))


def test_write_jsonld_is_one_graph(tmp_path: Path) -> None:
    first = from_trafilatura(DATA / "trafilatura.json")[0]
    path = tmp_path / "out.jsonld"
    assert write_jsonld([first, first.__class__(id="b", title="Second")], path) == 2
    document = json.loads(path.read_text(encoding="utf-8"))
    assert [n["identifier"] for n in document["@graph"]] == [first.id, "b"]
    flat = jsonld.flatten(document, None, OPTIONS)
    articles_found = [n for n in flat if n.get("@type") == [f"{S}NewsArticle"]]
    assert len(articles_found) == 2
    buffer = io.StringIO()
    assert write_jsonld([], buffer) == 0
    assert json.loads(buffer.getvalue())["@graph"] == []
