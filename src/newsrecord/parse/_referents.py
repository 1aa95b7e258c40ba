"""Referents: what the coreference stage resolves mentions to.

One record per person or organisation a mention may point at, while the article is read:
its name, the aliases it was mentioned under ("Mr. Hart", "the minister"), its
affiliations, where it was last seen, and what the text tells or a pronoun guessed of its
gender.  :mod:`~newsrecord.parse._coref` builds them and turns those that some quote's
mention resolves to into :class:`~newsrecord.Speaker` records.
"""

from __future__ import annotations

import attrs

from newsrecord._model import Affiliation, SpeakerKind
from newsrecord.parse._lexicon import PRONOUNS
from newsrecord.parse._spans import core_of

__all__ = ["Referent", "creation"]


# (eq=False: a referent is equal to itself only, which its unique ``order`` makes the
# same as comparing the fields, and quicker for ``in`` over lists of referents)
@attrs.define(eq=False)
class Referent:
    """A person or organisation of one article, as the coreference stage knows it."""

    name: str
    kind: SpeakerKind
    aliases: list[str] = attrs.Factory(list)
    affiliations: list[Affiliation] = attrs.Factory(list)
    last_seen: int = 0
    #: "m" or "f" once a resolved pronoun has told, else None: a guess.
    gender: str | None = None
    #: "m" or "f" when the text tells (an honorific, a gendered noun, a pronoun used of
    #: the name), "" when it was asked and does not, None before it is asked.
    told: str | None = None
    #: Creation order within the article.
    order: int = 0
    #: Named by the description of a person nobody names ("a spokeswoman for X", "Ivo
    #: Hart's spokeswoman"): a person "he" or "she" can stand for all the same.
    described: bool = False

    @property
    def surname(self) -> str:
        return core_of(self.name.split()[-1]) if self.name.split() else ""

    def add_alias(self, alias: str) -> None:
        alias = alias.strip()
        if (
            alias
            and alias != self.name
            and alias.lower() not in PRONOUNS
            and alias not in self.aliases
        ):
            self.aliases.append(alias)

    def add_affiliation(self, affiliation: Affiliation | None) -> None:
        if affiliation is not None and affiliation not in self.affiliations:
            self.affiliations.append(affiliation)


def creation(entity: Referent) -> int:
    """The order in which the article's referents were created (a sort key)."""
    return entity.order
