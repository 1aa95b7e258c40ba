"""Placeholder replaced in the next step."""
from newsrecord._model import Quote, Speaker
def attribute(paragraphs: tuple[str, ...]) -> tuple[tuple[Speaker, ...], tuple[Quote, ...]]:
    return (), ()
