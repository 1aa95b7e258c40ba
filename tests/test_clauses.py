"""Tests of ``newsrecord.parse._clauses``: where reported content starts and ends."""

from __future__ import annotations

import pytest

from newsrecord.parse._clauses import (
    THAT,
    clause_end,
    content_after_cue,
    is_bare_clause,
    relative_end,
    source_phrase,
    subordinate_end,
)
from newsrecord.parse._spans import Mention


@pytest.mark.parametrize(
    ("rest", "expected"),
    [
        (" the plan would pay for itself", True),
        (" allies were rattled by the vote", True),
        (" in a statement on Monday", False),  # a circumstance, not a clause
        (" so", False),
        (" said it again", False),  # another cue
        (" adding that it was late", False),  # a participle of saying
    ],
)
def test_is_bare_clause(rest: str, expected: bool) -> None:
    assert is_bare_clause(rest) is expected


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("the plan is dead; the council meets again", "the plan is dead"),
        ("the plan is dead, and when asked, he said no", "the plan is dead"),
        ("the plan is dead – even though he voted for it", "the plan is dead"),
        ("the plan is dead, and Ana Ruiz said the opposite", "the plan is dead"),
        ("the plan is dead and buried", "the plan is dead and buried"),
        ("the plan is dead, adding that it was late", "the plan is dead"),
        ("the plan is dead, noting the cost", "the plan is dead"),
        ("the plan is dead and added that it was late", "the plan is dead"),
        ("the plan is dead, but also warned of delays", "the plan is dead"),
        ("the plan is dead and the bridge is closed", "the plan is dead and the bridge is closed"),
        ("she wants a park and has expressed support for buses", "she wants a park"),
        ("she will vote for him but has withheld her endorsement", "she will vote for him"),
        ("the bridge is safe — and thinks the council agrees", "the bridge is safe"),
        ("they don't know, and one in five say it is late", "they don't know"),
        # a named subject with its own verb: the writer's clause, not what was reported
        (
            "the harvest was a record one, and Prime Minister Ivo Hart instructed the council",
            "the harvest was a record one",
        ),
        # ... but a clause without a named subject goes on ("the agreement was reached")
        (
            "the ports will merge, and the agreement was reached in May",
            "the ports will merge, and the agreement was reached in May",
        ),
        (
            "the plan was vetted by lawyers, said he was unaware of it",
            "the plan was vetted by lawyers",
        ),
        ("the plan, said to cost millions, is dead", "the plan, said to cost millions, is dead"),
        ("the pier is unsafe — she also warned the council", "the pier is unsafe"),
        ("the pier — the oldest in town — is unsafe", "the pier — the oldest in town — is unsafe"),
        ("most say they don't know, a higher share than last year", "most say they don't know"),
        (
            "the plan was drafted by Ana Ruiz, whose son is a pilot",
            "the plan was drafted by Ana Ruiz",
        ),
        (
            "the plan is dead, and Ivo Hart, the harbour master, said it was late",
            "the plan is dead",
        ),
        (
            "the plan is dead, and Ivo Hart, Ana Ruiz and others agree",
            "the plan is dead, and Ivo Hart, Ana Ruiz and others agree",
        ),
        (
            "the mayor has been and has been seen as honest",
            "the mayor has been and has been seen as honest",
        ),
        # a new subject of five words with its cue
        (
            "they feared for the port, and almost six in ten voters said the mayor would win",
            "they feared for the port",
        ),
        # the comma inside a quoted fragment's closing mark, before "and" and a new clause
        (
            "she was “the right pilot for this port,” and she repeated that the pier was late",
            "she was “the right pilot for this port",
        ),
        # but no other stop after a closing mark: a list of quoted words goes on
        (
            "the pier is a “ruin,” a “danger” and a “waste.”",
            "the pier is a “ruin,” a “danger” and a “waste.”",
        ),
    ],
)
def test_clause_end(text: str, end: str) -> None:
    assert text[: clause_end(text, 0, len(text))] == end


def test_that_after_a_few_words() -> None:
    assert THAT.match(" on Monday that") is not None
    assert THAT.match(" " + "word " * 12 + "that") is None


def test_source_phrase_is_no_quotation() -> None:
    text = "exit polls, the results showed"
    phrase = source_phrase(text, 0, text.index(","))
    assert phrase is not None
    assert phrase.text == "exit polls"
    assert source_phrase("“a quote”", 0, 9) is None


def _content(sentence: str, cue: str, *, bare: bool = False) -> str | None:
    subject = Mention(0, sentence.index(" "), "Ana", "Ana")
    cue_stop = sentence.index(cue) + len(cue)
    found = content_after_cue(sentence, 0, len(sentence), subject, cue, cue_stop, bare=bare)
    return None if found is None else sentence[found[0] : found[1]]


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        ("Ana said on Monday that the bridge is late.", "said", "the bridge is late"),
        ("Ana said the bridge is late.", "said", "the bridge is late"),
        ("Ana told Reuters the bridge is late.", "told", "the bridge is late"),
        # the "that" belongs to another cue: the content is the bare clause before it
        (
            "Ana said the bridge is late, adding that the ferry runs.",
            "said",
            "the bridge is late, adding that the ferry runs",
        ),
        ("Ana explained the bridge is late.", "explained", None),  # no bare clause after it
        ("Ana said in a statement on Monday.", "said", None),
        ("Ana said 31,000 jobs could be lost.", "said", "31,000 jobs could be lost"),
        ("Ana said about 4,000 workers had joined.", "said", "about 4,000 workers had joined"),
        ("Ana said about the plan that it was late.", "said", "it was late"),
        # a pronoun after the cue opens the clause: its "that" is its own
        ("Ana said he had heard that account.", "said", "he had heard that account"),
        (
            "Ana said it is clear that the bridge is late.",
            "said",
            "it is clear that the bridge is late",
        ),
        (
            "Ana said she thinks that the bridge is late.",
            "said",
            "she thinks that the bridge is late",
        ),
        ("Ana said tonight she is closer to a deal.", "said", "she is closer to a deal"),
        ("Ana said Sunday on the morning show.", "said", None),
        ("Ana said over breakfast across the street.", "said", None),
        ("Ana said when asked about the bridge.", "said", None),
        (
            "Ana said Thursday her biggest worry is the bridge.",
            "said",
            "her biggest worry is the bridge",
        ),
        (
            "Ana said this was the last chance for the bridge.",
            "said",
            "this was the last chance for the bridge",
        ),
    ],
)
def test_content_after_cue(sentence: str, cue: str, content: str | None) -> None:
    assert _content(sentence, cue) == content


def test_content_after_a_participle_may_be_bare() -> None:
    sentence = "Ana left, explaining the bridge is late."
    assert _content(sentence, "explaining") is None
    assert _content(sentence, "explaining", bare=True) == "the bridge is late"


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        # a content in the opening subordinate clause ends where the main clause starts
        (
            "When Ruiz suggested that the pier would close, Hart fired back at once.",
            "the pier would close",
        ),
        ("After he said the pier would close, she laughed.", "the pier would close"),
        # a main clause whose subject is a description or a contracted pronoun
        ("Since Ruiz said the pier would close, the port has shrunk.", "the pier would close"),
        ("Ever since Ruiz said the pier would close, he's been angry.", "the pier would close"),
        # no opening subordinate clause, or the cue after its comma: the content goes on
        (
            "Ruiz suggested that the pier would close, Hart claimed on Monday.",
            "the pier would close, Hart claimed on Monday.",
        ),
        (
            "When asked, Ruiz said the pier would close, Hart claimed on Monday.",
            "the pier would close, Hart claimed on Monday.",
        ),
    ],
)
def test_subordinate_end(sentence: str, content: str) -> None:
    start = sentence.index("the pier")
    cue = sentence.index(" said") if " said" in sentence else sentence.index(" suggested")
    end = subordinate_end(sentence, 0, cue + 1, start, len(sentence))
    assert sentence[start:end] == content


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        # a content in a relative clause ends where the subject's own verb comes
        (
            "Ana Ruiz, who said the pier was unsafe, recounted the storm.",
            "the pier was unsafe",
        ),
        (
            "Ana Ruiz, who said the pier was unsafe, ultimately did not testify.",
            "the pier was unsafe",
        ),
        # no relative clause: the content goes on
        (
            "Ana Ruiz said the pier was unsafe, recounted the storm.",
            "the pier was unsafe, recounted the storm.",
        ),
    ],
)
def test_relative_end(sentence: str, content: str) -> None:
    start = sentence.index("the pier")
    end = relative_end(sentence, 0, sentence.index("said"), start, len(sentence))
    assert sentence[start:end] == content
