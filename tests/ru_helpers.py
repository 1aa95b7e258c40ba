"""Helpers of the Russian rules' tests: parse made-up paragraphs, list the quotes as rows."""

from __future__ import annotations

import newsrecord
from newsrecord import Article, QuoteKind

DIRECT = QuoteKind.DIRECT
INDIRECT = QuoteKind.INDIRECT


def parse(*paragraphs: str, language: str | None = "ru") -> Article:
    return newsrecord.parse_post("Заголовок\n\n" + "\n\n".join(paragraphs), language=language)


def rows(article: Article) -> list[tuple[str, str, str | None, str | None, str | None]]:
    """Each quote as (kind, text, mention, cue, speaker name)."""
    out = []
    for quote in article.quotes:
        speaker = article.speaker(quote.speaker_id)
        out.append(
            (
                quote.kind.value,
                quote.text,
                quote.mention,
                quote.cue,
                speaker.name if speaker is not None else None,
            )
        )
    return out
