"""The rule-based parser: raw news posts into :class:`~newsrecord.Article` records.

The stages, one private module each, in the order a post goes through them:

* ``_structure``: the post's layout: header lines, headline, paragraphs;
* ``_dates``: the publication date, read without guessing;
* ``_calendar``: the month, weekday and time-zone names dates are read with;
* ``_language``: the language, detected reproducibly;
* ``_spans``: sentences and tokens, and the records passed between stages;
* ``_marks``: where each quoted piece opens and closes;
* ``_cues``: verbs of saying and the medium ("told CNN");
* ``_direct``: direct quotes attributed to the words around them;
* ``_reported``: reported speech (indirect and mixed quotes);
* ``_clauses``: where the content after a cue starts and ends;
* ``_stances``: beliefs, stances, passives, nominal cues and labelled statements;
* ``_mentions``: the speaker as written next to a cue;
* ``_roles``: names, roles and affiliations read from a mention;
* ``_coref``: every mention resolved to its speaker;
* ``_names``: runs of capitalised words read into names, titles and organisations;
* ``_entities``: every person and organisation the post names, quoted or not;
* ``_headline``: the statement a "WHO: SAID" headline carries;
* ``_assemble``: all of it into an :class:`~newsrecord.Article`.

The word lists every stage looks words up in are data, in ``_lexicon``.  The public
entry points, :func:`parse_post` and :func:`parse_file`, are re-exported by
:mod:`newsrecord`.
"""

from __future__ import annotations

from newsrecord.parse._assemble import article_id, parse_file, parse_post

__all__ = ["article_id", "parse_file", "parse_post"]
