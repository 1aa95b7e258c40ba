"""Fuzz :func:`newsrecord.parse_post`: any bytes or text gives an Article or a documented error.

Run (see fuzz/README.md)::

    python fuzz/make_seeds.py && nice python fuzz/parse_post.py fuzz/corpus/parse_post \
        -dict=fuzz/parse_post.dict -max_total_time=600 -timeout=20 -rss_limit_mb=2048

The first byte of an input chooses the options; the rest is the post.  What is checked
besides "no unexpected exception": the article survives a JSON round trip unchanged,
its JSON is a record the validator finds nothing wrong with, and every quote lies in
the text (which the record model checks when the article is made).
"""

from __future__ import annotations

import json

from _common import EXPECTED, run

from newsrecord import from_json, parse_post, to_json
from newsrecord._converter import problems_of

_TIMEZONES = (None, "UTC", "Europe/Minsk", "America/St_Johns")


def test_one_input(data: bytes) -> None:
    flags, body = (data[0], data[1:]) if data else (0, b"")
    dayfirst, strict = bool(flags & 1), bool(flags & 2)
    timezone = _TIMEZONES[(flags >> 2) & 3]
    mode = (flags >> 4) & 3
    post: str | bytes
    encoding = None
    if mode == 0:
        post = body  # bytes, UTF-8 expected
    elif mode == 1:
        post = body.decode("utf-8", "surrogateescape")  # text with lone surrogates
    elif mode == 2:
        post, encoding = body, "cp1251"
    else:
        post = body.decode("latin-1")
    language = "en" if flags & 0x40 else None
    try:
        article = parse_post(
            post,
            encoding=encoding,
            language=language,
            dayfirst=dayfirst,
            default_timezone=timezone,
            strict=strict,
        )
    except EXPECTED:
        return
    text = to_json(article)
    assert from_json(text) == article, "JSON round trip changed the article"
    problems = problems_of(json.loads(text))
    assert not problems, f"the parser made a record the validator rejects: {problems}"
    assert article.title.strip(), "empty title"


if __name__ == "__main__":
    run(test_one_input)
