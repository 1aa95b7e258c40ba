"""Accuracy of ``newsrecord.parse_post`` on PolNeAR dev, and unit tests of its scorer.

The scorer lives in ``bench/attribution.py`` (not a package) and is loaded from its path.
Every text below is made up for these tests; the corpus is only read at run time, from
``../shared/corpora/polnear`` next to the repository root, and the floor tests skip when it
is absent.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
BENCH_PATH = REPO_ROOT / "bench" / "attribution.py"
CORPUS_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "polnear"


def _load_bench() -> ModuleType:
    name = "newsrecord_bench_attribution"
    spec = importlib.util.spec_from_file_location(name, BENCH_PATH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while being created
    spec.loader.exec_module(module)
    return module


bench = _load_bench()


# --------------------------------------------------------------------------- trimming


def _trimmed(text: str) -> str:
    start, end = bench.trim_span(text, 0, len(text))
    return text[start:end]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("“The budget is late,” ", "The budget is late"),
        ('"We will win."', "We will win"),
        ("''Not today,''", "Not today"),
        ("‘maybe’", "maybe"),
        ("« Oui ! »", "Oui"),
        ("„Ja“", "Ja"),
        ("— and then some —", "and then some"),
        (" – it was fine; ", "it was fine"),
        ("\u00a0\u200bsoft spaces\u00a0", "soft spaces"),
        ("the plan, he said, works", "the plan, he said, works"),
        ("it's Bob's", "it's Bob's"),
    ],
)
def test_trim_span_strips_marks_spaces_and_edge_punctuation(raw: str, expected: str) -> None:
    assert _trimmed(raw) == expected


def test_trim_span_keeps_offsets_in_the_whole_text() -> None:
    text = 'She said: "Roads first." Then she left.'
    start = text.index('"')
    end = text.index(".", start) + 2  # through the closing quote
    assert text[start:end] == '"Roads first."'
    assert bench.trim_span(text, start, end) == (start + 1, end - 2)


def test_trim_span_of_punctuation_only_is_empty() -> None:
    text = 'x " , . " y'
    start, end = bench.trim_span(text, 1, 10)
    assert start == end


def test_trim_span_clamps_out_of_range_offsets() -> None:
    assert bench.trim_span("abc", -3, 99) == (0, 3)


# --------------------------------------------------------------------------- Jaccard


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((0, 10), (0, 10), 1.0),
        ((0, 10), (10, 20), 0.0),
        ((0, 10), (5, 15), 5 / 15),
        ((0, 10), (0, 5), 0.5),
        ((2, 8), (0, 10), 0.6),
        ((0, 0), (0, 10), 0.0),
        ((4, 4), (4, 4), 0.0),
    ],
)
def test_jaccard(a: tuple[int, int], b: tuple[int, int], expected: float) -> None:
    assert bench.jaccard(a, b) == pytest.approx(expected)
    assert bench.jaccard(b, a) == pytest.approx(expected)


# --------------------------------------------------------------------------- matching


def test_match_is_one_to_one_and_prefers_the_best_overlap() -> None:
    gold = [(0, 10)]
    pred = [(0, 6), (0, 9)]  # both >= 0.5; the better one wins, the other is unmatched
    assert bench.match_spans(gold, pred) == [(0, 1)]


def test_match_gives_each_gold_its_own_prediction() -> None:
    gold = [(0, 10), (20, 30)]
    pred = [(21, 30), (0, 10), (1, 9)]
    assert bench.match_spans(gold, pred) == [(0, 1), (1, 0)]


def test_match_greedy_takes_the_global_best_pair_first() -> None:
    # pred 0 overlaps gold 0 (0.6) and gold 1 (0.9); it goes to gold 1, gold 0 takes pred 1
    gold = [(0, 10), (4, 14)]
    pred = [(4, 13), (2, 10)]
    assert bench.jaccard(gold[1], pred[0]) > bench.jaccard(gold[0], pred[0])
    assert bench.match_spans(gold, pred) == [(0, 1), (1, 0)]


def test_match_threshold_is_inclusive_at_one_half() -> None:
    assert bench.match_spans([(0, 10)], [(0, 5)]) == [(0, 0)]
    assert bench.match_spans([(0, 10)], [(0, 4)]) == []


def test_match_never_pairs_empty_spans() -> None:
    assert bench.match_spans([(3, 3)], [(3, 3)]) == []


# --------------------------------------------------------------------------- direct pieces


def test_direct_piece_is_decided_per_piece_by_its_first_character() -> None:
    text = 'Hed\n\n"Taxes are up," Ms. Vale said, "and so are fees." She wants reform.'
    first = (text.index('"Taxes'), text.index(" Ms."))
    second = (text.index('"and'), text.index(" She"))
    third = (text.index("She wants"), len(text))
    assert bench.opens_with_quote_mark(text, *first)
    assert bench.opens_with_quote_mark(text, *second)
    assert not bench.opens_with_quote_mark(text, *third)


@pytest.mark.parametrize("mark", ["“", '"', "''", "‘", "«", "„"])
def test_direct_piece_recognises_quotation_marks(mark: str) -> None:
    text = f"{mark}Hello there"
    assert bench.opens_with_quote_mark(text, 0, len(text))


def test_direct_piece_skips_leading_whitespace_only() -> None:
    assert bench.opens_with_quote_mark('  "yes"', 0, 7)
    assert not bench.opens_with_quote_mark('a "yes"', 0, 7)
    assert not bench.opens_with_quote_mark('"', 0, 0)


def test_gold_pieces_split_parts_and_skip_the_headline() -> None:
    text = 'Mayor says "no"\n\n"Not now," the mayor said, "maybe later."'
    head_quote = (text.index('"no"'), text.index('"no"') + 4)
    p1 = (text.index('"Not'), text.index(" the mayor"))
    p2 = (text.index('"maybe'), len(text))
    record = {
        "text": text,
        "quotes": [
            {"parts": [list(head_quote)], "speaker": "Mayor"},
            {"parts": [list(p1), list(p2)], "speaker": "the mayor"},
        ],
    }
    pieces = bench.gold_pieces(record)
    assert [p.raw for p in pieces] == [p1, p2]
    assert all(p.direct and p.speaker == "the mayor" for p in pieces)
    assert text[slice(*pieces[0].span)] == "Not now"
    assert len(bench.gold_pieces(record, include_headline=True)) == 3


# --------------------------------------------------------------------------- offset mapping

CORPUS_TEXT = (
    "A made-up headline\n\n"
    'The council met on Tuesday. "We need more buses," Ana Ruiz said.\n\n'
    "Nobody  objected.\u00a0 The vote is next week.\n\n"
    'Ruiz added: "We need more buses."'
)


def _mapped_texts(paragraphs: list[str], targets: list[str]) -> list[str | None]:
    article_text = "\n\n".join(paragraphs)
    spans = []
    for target in targets:
        start = article_text.index(target)
        spans.append((start, start + len(target)))
    mapped = bench.map_offsets(CORPUS_TEXT, article_text, paragraphs, spans)
    return [None if m is None else CORPUS_TEXT[m[0] : m[1]] for m in mapped]


def test_map_offsets_shifts_exact_paragraphs_past_the_title() -> None:
    paragraphs = list(CORPUS_TEXT.split("\n\n")[1:])
    assert _mapped_texts(paragraphs, ['"We need more buses,"', "The vote is next week."]) == [
        '"We need more buses,"',
        "The vote is next week.",
    ]


def test_map_offsets_handles_normalised_whitespace() -> None:
    paragraphs = CORPUS_TEXT.split("\n\n")[1:]
    paragraphs[1] = "Nobody objected. The vote is next week."  # parser collapsed spaces
    texts = _mapped_texts(paragraphs, ["objected. The vote", "Ruiz added"])
    assert texts == ["objected.\u00a0 The vote", "Ruiz added"]


def test_map_offsets_survives_dropped_paragraphs_and_repeated_text() -> None:
    # the parser kept only the last paragraph; its quote must map there, not to the first
    paragraphs = ['Ruiz added: "We need more buses."']
    mapped = _mapped_texts(paragraphs, ['"We need more buses."'])
    assert mapped == ['"We need more buses."']
    article_text = paragraphs[0]
    start = article_text.index('"')
    (span,) = bench.map_offsets(CORPUS_TEXT, article_text, paragraphs, [(start, len(article_text))])
    assert span is not None
    assert span[0] > CORPUS_TEXT.index("Nobody")


def test_map_offsets_prefers_the_occurrence_near_the_expected_place() -> None:
    paragraphs = CORPUS_TEXT.split("\n\n")[1:]
    paragraphs[2] = "Ruiz added:  “We need more buses.”"  # whitespace and curly quotes changed
    article_text = "\n\n".join(paragraphs)
    start = article_text.index("“")
    (span,) = bench.map_offsets(CORPUS_TEXT, article_text, paragraphs, [(start, start + 20)])
    assert span == (CORPUS_TEXT.rindex('"We'), CORPUS_TEXT.rindex('"We') + 20)


def test_map_offsets_reports_what_it_cannot_find() -> None:
    paragraphs = ["Completely different words here."]
    assert bench.map_offsets(CORPUS_TEXT, paragraphs[0], paragraphs, [(0, 10)]) == [None]


def test_map_offsets_quote_over_two_paragraphs() -> None:
    paragraphs = CORPUS_TEXT.split("\n\n")[1:]
    article_text = "\n\n".join(paragraphs)
    start = article_text.index("Ana Ruiz")
    end = article_text.index("objected") + len("objected")
    (span,) = bench.map_offsets(CORPUS_TEXT, article_text, paragraphs, [(start, end)])
    assert span is not None
    assert CORPUS_TEXT[span[0] : span[1]] == article_text[start:end]


def test_normalise_with_map_points_back_into_the_original() -> None:
    text = "a \u00a0 “b”\u200b—c"
    folded, index = bench.normalise_with_map(text)
    assert folded == 'a "b"-c'
    assert [text[i] for i in index] == ["a", " ", "“", "b", "”", "—", "c"]


# --------------------------------------------------------------------------- speakers


@pytest.mark.parametrize(
    ("gold", "mention", "names", "strict", "loose"),
    [
        ("he", "He", (), True, True),
        ("Mr.  Vale", "mr. vale", (), True, True),
        ("Ana\u00a0Ruiz", " Ana Ruiz ", (), True, True),
        ("Ruiz", "she", ("Ana Ruiz",), False, True),
        ("Ruiz", None, ("Ms. Ruiz", "Ana Ruiz"), False, True),
        ("he", "Ana Ruiz", ("Stephen Hale",), False, False),  # 'he' is not a word of 'Stephen'
        ("the council", "council", (), False, False),
        ("Ana Ruiz, the director,", "Ana Ruiz, the director", (), True, True),  # edge commas
        ("Ana Ruiz, the director,", "Ana Ruiz", (), False, False),  # the apposition counts
        ("Mr. Vale", "Mr Vale", (), False, False),  # inner punctuation counts
    ],
)
def test_speaker_right(
    gold: str, mention: str | None, names: tuple[str, ...], strict: bool, loose: bool
) -> None:
    assert bench.speaker_right(gold, mention, names) == (strict, loose)


# --------------------------------------------------------------------------- counts


def test_counts_precision_recall_f1() -> None:
    counts = bench.Counts()
    counts.add(n_gold=4, n_pred=5, n_matched=3)
    assert (counts.tp, counts.fp, counts.fn) == (3, 2, 1)
    assert counts.precision == pytest.approx(0.6)
    assert counts.recall == pytest.approx(0.75)
    assert counts.f1 == pytest.approx(2 * 0.6 * 0.75 / 1.35)
    empty = bench.Counts()
    assert (empty.precision, empty.recall, empty.f1) == (0.0, 0.0, 0.0)


# --------------------------------------------------------------------------- end to end

ARTICLE_ONE = (
    "Transit plan unveiled\n\n"
    '"We need more buses," Ana Ruiz said. "Trains can wait."\n\n'
    "The mayor said the plan would cost too much."
)
ARTICLE_TWO = "Quiet day\n\nNothing happened."


def _span(text: str, piece: str) -> list[int]:
    start = text.index(piece)
    return [start, start + len(piece)]


def _write_corpus(directory: Path) -> Path:
    records = [
        {
            "id": "one",
            "text": ARTICLE_ONE,
            "quotes": [
                {
                    "parts": [
                        _span(ARTICLE_ONE, '"We need more buses,"'),
                        _span(ARTICLE_ONE, '"Trains can wait."'),
                    ],
                    "speaker": "Ana Ruiz",
                    "direct": True,
                },
                {
                    "parts": [_span(ARTICLE_ONE, "the plan would cost too much")],
                    "speaker": "The mayor",
                    "direct": False,
                },
            ],
        },
        {"id": "two", "text": ARTICLE_TWO, "quotes": []},
    ]
    path = directory / "dev.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return directory


def _quote(body: str, piece: str, kind: str, mention: str | None, speaker_id: str | None) -> Any:
    start = body.index(piece)
    return SimpleNamespace(
        kind=SimpleNamespace(value=kind),
        text=piece,
        start=start,
        end=start + len(piece),
        speaker_id=speaker_id,
        mention=mention,
    )


def _fake_parse(text: str) -> Any:
    """A stand-in parser: right on the made-up corpus, plus one quote that cannot be mapped."""
    if text.startswith("Quiet"):
        raise ValueError("boom")
    paragraphs = (*text.split("\n\n")[1:], "A paragraph the corpus does not have.")
    body = "\n\n".join(paragraphs)
    quotes = (
        _quote(body, '"We need more buses,"', "direct", "Ana Ruiz", "s1"),
        _quote(body, "Trains can wait.", "direct", "she", "s1"),  # no marks: still a match
        _quote(body, "said the plan would cost too much", "indirect", "The mayor", None),
        _quote(body, "the corpus does not have", "indirect", None, None),
    )
    speakers = (SimpleNamespace(id="s1", name="Ana Ruiz", aliases=("Ruiz",)),)
    return SimpleNamespace(paragraphs=paragraphs, text=body, quotes=quotes, speakers=speakers)


def test_evaluate_end_to_end_on_a_made_up_corpus(tmp_path: Path) -> None:
    corpus = _write_corpus(tmp_path)
    scores = bench.evaluate(corpus, "dev", parse=_fake_parse)
    assert set(scores) == {
        "articles",
        "direct",
        "all",
        "speaker_accuracy",
        "speaker_accuracy_loose",
        "resolved_speaker_accuracy",
        "resolved_speaker_pairs",
        "ms_per_article_median",
        "ms_per_article_mean",
        "crashes",
        "unmapped",
    }
    assert scores["articles"] == 2
    assert scores["crashes"] == 1
    assert scores["unmapped"] == 1
    # two direct gold pieces, two direct predictions, both matched
    assert scores["direct"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 2, "fp": 0, "fn": 0}
    # three gold pieces; four predictions of which the ghost is a false positive
    assert {k: scores["all"][k] for k in ("tp", "fp", "fn")} == {"tp": 3, "fp": 1, "fn": 0}
    assert scores["speaker_accuracy"] == 0.5  # 'she' != 'Ana Ruiz'
    assert scores["speaker_accuracy_loose"] == 1.0  # but the resolved speaker is Ana Ruiz
    # Ana Ruiz's two pieces are scored by full name (right); "The mayor" is no proper name
    assert scores["resolved_speaker_pairs"] == 2
    assert scores["resolved_speaker_accuracy"] == 1.0
    assert scores["ms_per_article_median"] >= 0.0
    assert json.loads(json.dumps(scores)) == scores


def test_evaluate_limit_and_crash_scoring(tmp_path: Path) -> None:
    corpus = _write_corpus(tmp_path)

    def crash(text: str) -> Any:
        raise RuntimeError("not yet")

    scores = bench.evaluate(corpus, "dev", limit=1, parse=crash)
    assert scores["articles"] == 1
    assert scores["crashes"] == 1
    assert scores["all"]["fn"] == 3  # a crashed article keeps its gold pieces as misses
    assert scores["speaker_accuracy"] == 0.0


def test_cli_prints_json_and_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _write_corpus(tmp_path)
    monkeypatch.setattr(bench, "load_parse_post", lambda: _fake_parse)
    assert bench.main(["--corpus", str(corpus), "--json", "--errors", "2"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["articles"] == 2
    assert "first crash" in err
    assert "--- speaker" in err
    assert bench.main(["--corpus", str(corpus)]) == 0
    out, _ = capsys.readouterr()
    assert "direct quotes" in out
    assert "all attributions" in out


# --------------------------------------------------------------------------- accuracy floor


@pytest.fixture(scope="module")
def dev_scores() -> dict[str, Any]:
    if not (CORPUS_DIR / "dev.jsonl").is_file():
        pytest.skip(f"PolNeAR corpus not found at {CORPUS_DIR}")
    # no importorskip: newsrecord.parse_post must exist, and its absence is a failure
    scores: dict[str, Any] = bench.evaluate(CORPUS_DIR, "dev")
    return scores


def _check(scores: dict[str, Any], what: str, value: float, floor: float) -> None:
    assert value >= floor, f"{what} = {value:.3f} < {floor} on PolNeAR dev: {scores}"


def test_floor_direct_quotes_f1(dev_scores: dict[str, Any]) -> None:
    _check(dev_scores, "direct F1", dev_scores["direct"]["f1"], 0.905)


#: The floor for the speaker mention on matched direct quotes (dev is at 0.913).
SPEAKER_FLOOR = 0.905


def test_floor_speaker_accuracy_on_matched_direct_quotes(dev_scores: dict[str, Any]) -> None:
    _check(dev_scores, "speaker accuracy (strict)", dev_scores["speaker_accuracy"], SPEAKER_FLOOR)


def test_floor_all_attributions_f1(dev_scores: dict[str, Any]) -> None:
    _check(dev_scores, "all attributions F1", dev_scores["all"]["f1"], 0.615)


def test_floor_all_attributions_recall_and_precision(dev_scores: dict[str, Any]) -> None:
    _check(dev_scores, "all attributions recall", dev_scores["all"]["r"], 0.47)
    _check(dev_scores, "all attributions precision", dev_scores["all"]["p"], 0.878)


def test_floor_resolved_speaker(dev_scores: dict[str, Any]) -> None:
    _check(dev_scores, "resolved speaker", dev_scores["resolved_speaker_accuracy"], 0.84)


def test_floor_no_crashes(dev_scores: dict[str, Any]) -> None:
    assert dev_scores["crashes"] == 0


def test_floor_every_quote_mapped(dev_scores: dict[str, Any]) -> None:
    assert dev_scores["unmapped"] == 0


def test_map_offsets_places_short_paragraphs_at_a_line_start() -> None:
    corpus_text = "Title\n\nOne.\n\nA bus and a tram.\n\nbus\n\nShe said: go."
    paragraphs = ["One.", "bus", "She said: go."]
    article_text = "\n\n".join(paragraphs)
    start = article_text.index("bus")
    (span,) = bench.map_offsets(corpus_text, article_text, paragraphs, [(start, start + 3)])
    assert span == (corpus_text.index("\nbus") + 1, corpus_text.index("\nbus") + 4)


@pytest.mark.parametrize(
    ("gold", "head"),
    [
        ("Ana Ruiz, the transit director,", "Ana Ruiz"),
        ("Sen. Jo Bell (D-Nev.)", "Sen. Jo Bell"),
        ("he", "he"),
    ],
)
def test_gold_speaker_head(gold: str, head: str) -> None:
    assert bench.gold_speaker_head(gold) == head


# --------------------------------------------------------------------------- the Russian set

RU_DIR = REPO_ROOT / "bench" / "corpora" / "ru"


def _load_builder(directory: Path) -> ModuleType:
    """The ``build.py`` of a set of posts written here (``bench/corpora/ru``, ``.../en``)."""
    spec = importlib.util.spec_from_file_location(
        f"newsrecord_bench_{directory.name}_build", directory / "build.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _load_ru_builder() -> ModuleType:
    return _load_builder(RU_DIR)


@pytest.mark.parametrize("split", ["ru", "heldout", "heldout2", "heldout3", "heldout4", "heldout5"])
def test_ru_set_is_built_from_its_posts_and_gold_file(split: str) -> None:
    builder = _load_ru_builder()
    assert (RU_DIR / f"{split}.jsonl").read_text(encoding="utf-8") == builder.build(split)
    assert builder.main(["--check"]) == 0


@pytest.mark.parametrize(
    ("split", "articles"),
    [
        ("ru", 10),
        ("heldout", 6),
        ("heldout2", 5),
        ("heldout3", 5),
        ("heldout4", 4),
        ("heldout5", 3),
    ],
)
def test_ru_set_offsets_are_exact(split: str, articles: int) -> None:
    records = bench.load_split(RU_DIR, split)
    assert len(records) >= articles
    for record in records:
        text = record["text"]
        assert record["language"] == "ru"
        assert text.split("\n", 1)[0] == record["title"]
        for quote in record["quotes"]:
            assert text[quote["start"] : quote["end"]] == quote["text"]
            assert text[quote["source_start"] : quote["source_end"]] == quote["speaker"]
            assert quote["start"] == quote["parts"][0][0]
            assert quote["end"] == quote["parts"][-1][1]
            assert quote["speaker_name"]


def test_dialogue_dash_opens_a_direct_piece_in_cyrillic_records_only() -> None:
    text = "Заголовок\n\n— Мы готовы, — сказал он. — Начнем завтра."
    first = (text.index("— Мы"), text.index(" — сказал"))
    second = (text.index("— Начнем"), len(text))
    record = {"text": text, "quotes": [{"parts": [list(first), list(second)], "speaker": "он"}]}
    assert [p.direct for p in bench.gold_pieces(record)] == [False, False]
    record["language"] = "ru"
    assert [p.direct for p in bench.gold_pieces(record)] == [True, True]
    assert text[slice(*bench.gold_pieces(record)[0].span)] == "Мы готовы"


def test_resolved_speaker_figure(tmp_path: Path) -> None:
    text = "Заголовок\n\n«Мы готовы начать работу уже завтра», — сказал он."
    start = text.index("«")
    end = text.index("»") + 1
    record = {
        "id": "r1",
        "language": "ru",
        "text": text,
        "quotes": [{"parts": [[start, end]], "speaker": "он", "speaker_name": "Иван Петров"}],
    }
    (tmp_path / "ru.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    body = text.split("\n\n", 1)[1]

    def parse(name: str) -> Any:
        def fake(_text: str) -> Any:
            quote = _quote(body, "Мы готовы начать работу уже завтра", "direct", "он", "s1")
            speaker = SimpleNamespace(id="s1", name=name, aliases=())
            return SimpleNamespace(
                paragraphs=[body], text=body, quotes=(quote,), speakers=(speaker,)
            )

        return fake

    right = bench.evaluate(tmp_path, "ru", parse=parse("Иван Петров"))
    assert (right["resolved_speaker_accuracy"], right["resolved_speaker_pairs"]) == (1.0, 1)
    wrong = bench.evaluate(tmp_path, "ru", parse=parse("Петр Иванов"))
    assert (wrong["resolved_speaker_accuracy"], wrong["resolved_speaker_pairs"]) == (0.0, 1)
    # without speaker_name, "он" after no named source has no full name to be scored on
    del record["quotes"][0]["speaker_name"]
    (tmp_path / "ru.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    assert bench.evaluate(tmp_path, "ru", parse=parse("Иван Петров"))["resolved_speaker_pairs"] == 0


@pytest.mark.parametrize("split", ["ru", "heldout", "heldout2", "heldout3", "heldout4", "heldout5"])
def test_ru_set_floors(split: str) -> None:
    # The rules were written with "ru" in view (docs/parsing.md says so), and fixed after
    # each held-out split was scored: the floors guard against losing what they read,
    # not a claim about unseen Russian prose.
    scores: dict[str, Any] = bench.evaluate(RU_DIR, split)
    assert scores["crashes"] == 0
    assert scores["unmapped"] == 0
    assert scores["direct"]["f1"] >= 0.95
    assert scores["all"]["f1"] >= 0.95
    assert scores["speaker_accuracy"] >= 0.95
    assert scores["resolved_speaker_accuracy"] >= 0.95


# --------------------------------------------------------------------------- the English set

EN_DIR = REPO_ROOT / "bench" / "corpora" / "en"


def _load_en_builder() -> ModuleType:
    return _load_builder(EN_DIR)


@pytest.mark.parametrize(
    "split", ["en", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6"]
)
def test_en_set_is_built_from_its_posts_and_gold_file(split: str) -> None:
    builder = _load_en_builder()
    assert (EN_DIR / f"{split}.jsonl").read_text(encoding="utf-8") == builder.build(split)
    assert builder.main(["--check"]) == 0


@pytest.mark.parametrize(
    ("split", "articles"),
    [
        ("en", 8),
        ("heldout", 5),
        ("heldout2", 5),
        ("heldout3", 4),
        ("heldout4", 4),
        ("heldout5", 3),
        ("heldout6", 2),
    ],
)
def test_en_set_offsets_are_exact(split: str, articles: int) -> None:
    records = bench.load_split(EN_DIR, split)
    assert len(records) >= articles
    for record in records:
        text = record["text"]
        assert record["language"] == "en"
        for quote in record["quotes"]:
            assert text[quote["start"] : quote["end"]] == quote["text"]
            assert text[quote["source_start"] : quote["source_end"]] == quote["speaker"]


@pytest.mark.parametrize(
    ("split", "resolved"),
    [
        ("en", 0.95),
        ("heldout", 0.9),
        ("heldout2", 0.95),
        ("heldout3", 0.95),
        ("heldout4", 0.95),
        ("heldout5", 0.9),
    ],
)
def test_en_set_floors(split: str, resolved: float) -> None:
    # Posts in the seed's style (the English services of the region's state outlets),
    # written here; the rules were fixed with "en" in view, as with the Russian set.
    # "heldout" was written afterwards: two of its speakers are not resolved ("the
    # wrestler", a noun no lexicon has; "the bank's press service" for a bank that is
    # named only inside a quote), see docs/parsing.md.
    scores: dict[str, Any] = bench.evaluate(EN_DIR, split)
    assert scores["crashes"] == 0
    assert scores["unmapped"] == 0
    assert scores["direct"]["f1"] >= 0.95
    assert scores["all"]["f1"] >= 0.95
    assert scores["speaker_accuracy"] >= 0.95
    assert scores["resolved_speaker_accuracy"] >= resolved


@pytest.mark.parametrize(
    ("text", "head", "full"),
    [
        ("Headline\n\nAna Ruiz, the director, spoke. Later Ms. Ruiz left.", "Ms. Ruiz", "Ana Ruiz"),
        ("Headline\n\nSen. Jo Bell spoke. Bell left.", "Bell", "Jo Bell"),
        ("Headline\n\nPrime Minister Ivo Hart spoke.", "Hart", "Ivo Hart"),
        ("Headline\n\nThe mayor spoke.", "The mayor", None),
        ("Headline\n\nShe spoke.", "she", None),
        # a name does not run across a sentence end or start in the headline
        ("Ana Ruiz Wins\n\nOn Tuesday. Ruiz left.", "Ruiz", "Ruiz"),
        # the most frequent full form wins over a rarer one with a title the list lacks
        ("H\n\nHarbour Chief Ivo Hart spoke. Ivo Hart left. Ivo Hart won.", "Hart", "Ivo Hart"),
        # titles and sentence openers are no part of a name
        ("Headline\n\nCongresswoman Jo Bell spoke.", "Congresswoman Jo Bell", "Jo Bell"),
        ("Headline\n\nRear Admiral Ivo Hart spoke.", "Rear Admiral Ivo Hart", "Ivo Hart"),
        ("Headline\n\nNow Ivo Hart spoke.", "Now Ivo Hart", "Ivo Hart"),
    ],
)
def test_gold_full_name(text: str, head: str, full: str | None) -> None:
    assert bench.gold_full_name(text, head) == full


def test_resolved_gold_names_carry_a_name_to_later_pronouns() -> None:
    text = "Headline\n\nAna Ruiz spoke. Then she left. The mayor agreed."
    record = {
        "quotes": [
            {"speaker": "Ana Ruiz", "source_start": text.index("Ana")},
            {"speaker": "she", "source_start": text.index("she")},
            {"speaker": "The mayor", "source_start": text.index("The mayor")},
        ]
    }
    assert bench.resolved_gold_names(text, record) == {0: "Ana Ruiz", 1: "Ana Ruiz"}


def test_resolved_gold_names_agree_prefers_the_sentence_opener_of_the_right_gender() -> None:
    text = (
        "Headline\n\nIvo Hart said he was pleased. Ana Ruiz, 78, walked to her car."
        " She said it was late. Later Ruiz left."
    )
    record = {
        "quotes": [
            {"speaker": "Ivo Hart", "source_start": text.index("Ivo")},
            {"speaker": "She", "source_start": text.index("She")},
            {"speaker": "Ruiz", "source_start": text.index("Ruiz left")},
        ]
    }
    agree = bench.resolved_gold_names(text, record, mode="agree")
    nearest = bench.resolved_gold_names(text, record, mode="nearest")
    assert (agree[1], nearest[1]) == ("Ana Ruiz", "Ivo Hart")


def test_resolved_gold_names_agree_skips_the_other_gender_and_the_object() -> None:
    text = "Headline\n\nMs. Lind spoke. Mr. Brant spoke. “No,” she told Brant."
    record = {
        "quotes": [
            {"speaker": "Ms. Lind", "source_start": text.index("Ms.")},
            {"speaker": "Mr. Brant", "source_start": text.index("Mr.")},
            {"speaker": "she", "source_start": text.index("she")},
        ]
    }
    assert bench.resolved_gold_names(text, record, mode="agree")[2] == "Lind"


def test_the_rest_of_an_open_quote_is_direct_in_cyrillic_records_only() -> None:
    text = "Заголовок\n\n«Мы готовы начать.\n\nТеперь все зависит от погоды», — сказал он."
    first = (text.index("«"), text.index("\n\nТеперь"))
    second = (text.index("Теперь"), text.index("»") + 1)
    record = {"text": text, "quotes": [{"parts": [list(first), list(second)], "speaker": "он"}]}
    assert [p.direct for p in bench.gold_pieces(record)] == [True, False]
    record["language"] = "ru"
    assert [p.direct for p in bench.gold_pieces(record)] == [True, True]
