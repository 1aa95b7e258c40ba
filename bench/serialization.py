"""JSON Lines load and dump of the same articles through newsrecord, pydantic v2 and msgspec.

Run it from the repository root (pydantic and msgspec are benchmark-only dependencies;
orjson is newsrecord's ``fast`` extra)::

    pip install -e '.[bench,fast]'
    python bench/serialization.py                   # 500 records, 31 rounds
    python bench/serialization.py --records 200 --rounds 5
    python bench/serialization.py --json            # the results as a JSON object

Every contender works on the same bytes: a JSON Lines file, held in memory, of ``--records``
copies (each with its own id) of one made-up article with six paragraphs, five quotes and
two speakers (:func:`sample_article`).

* load: bytes to validated objects, everything checked that each library can check
  (``newsrecord.read_jsonl``; pydantic's ``model_validate_json`` a line at a time;
  msgspec's ``Decoder.decode_lines``);
* dump: objects to JSON Lines bytes (``newsrecord.write_jsonl`` and pydantic's
  ``model_dump_json`` into a UTF-8 text stream; msgspec's ``Encoder.encode_lines``).

Two reference rows show the floor: ``json, dicts only`` (the standard library's
``json.loads`` and compact ``json.dumps`` a line at a time) and ``orjson, dicts only``,
which parse into plain dicts and write them back, building no objects and checking
nothing.

newsrecord runs twice when orjson is installed: with the standard library only (its
orjson path switched off) and with orjson.  The comparison models are in
``bench/models.py``.  Before timing, each contender's output is checked against the input:
newsrecord's must be the same bytes, the others' must read back (through newsrecord) as
the same articles.

The contenders take turns within each round, so that load from other programs on the
machine falls on all of them alike.  Each time is the median over the rounds of the time
per record; each ratio is the median over the rounds of the ratio within a round.  The
garbage collector stays on, as in real use; it is run before each timed step.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gc
import io
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from newsrecord import (
    Affiliation,
    Article,
    Quote,
    QuoteKind,
    Speaker,
    SpeakerKind,
    _jsonio,
    from_json,
    read_jsonl,
    write_jsonl,
)

REPO_ROOT = Path(__file__).resolve().parents[1]

#: Reference rows, not contenders: JSON Lines parsed into dicts and written back, with no
#: objects built and nothing checked.  What any library that reads JSON with the same
#: parser cannot go below.
PLAIN_JSON = "json, dicts only"
PLAIN_ORJSON = "orjson, dicts only"

#: The targets of the issue that asked for this benchmark.
TARGET_STDLIB_VS_PYDANTIC = 0.67
TARGET_ORJSON_VS_MSGSPEC = 2.0

# --------------------------------------------------------------------------- the data

_PARAGRAPHS = (
    "The city council voted on Wednesday to build a tram line to the harbour, ending a "
    "debate that has run for more than a decade.",
    "“Every city of this size that opened a tram line carried more passengers than it had "
    "planned for,” said Jana Novak, an economist at the Institute of Transport Studies.",
    "The line will cost 412 million euros and open in 2029, according to the council’s own "
    "estimate.",
    "Critics said the estimate was too low. “Nobody believes these numbers,” Petr Dvořák, a "
    "spokesman for the Harbour Traders’ Association, told reporters.",
    "Ms. Novak said the line would pay for itself within 25 years. The association said it "
    "would ask for a review.",
    "“We are not against the tram,” Mr. Dvořák said. “We are against the bill.”",
)

#: ``(id, kind, text, speaker id, mention, cue)`` of the five quotes.
_QUOTES = (
    (
        "q1",
        QuoteKind.DIRECT,
        "Every city of this size that opened a tram line carried more passengers than it "
        "had planned for,",
        "s1",
        "Jana Novak, an economist at the Institute of Transport Studies",
        "said",
    ),
    (
        "q2",
        QuoteKind.DIRECT,
        "Nobody believes these numbers,",
        "s2",
        "Petr Dvořák, a spokesman for the Harbour Traders’ Association",
        "told reporters",
    ),
    (
        "q3",
        QuoteKind.INDIRECT,
        "the line would pay for itself within 25 years",
        "s1",
        "Ms. Novak",
        "said",
    ),
    ("q4", QuoteKind.DIRECT, "We are not against the tram,", "s2", "Mr. Dvořák", "said"),
    ("q5", QuoteKind.DIRECT, "We are against the bill.", "s2", "Mr. Dvořák", "said"),
)


def sample_article(number: int = 0) -> Article:
    """A made-up article with six paragraphs, five quotes and two speakers.

    ``number`` goes into the id (and the date), so that a dataset's ids are unique.
    """
    text = "\n\n".join(_PARAGRAPHS)
    quotes = []
    for ident, kind, said, speaker_id, mention, cue in _QUOTES:
        start = text.index(said)
        quotes.append(
            Quote(
                id=ident,
                kind=kind,
                text=said,
                start=start,
                end=start + len(said),
                speaker_id=speaker_id,
                mention=mention,
                cue=cue,
            )
        )
    return Article(
        id=f"harbour-tram-{number:08d}",
        title="Council approves harbour tram",
        published=dt.datetime(2024, 3, 14, 9, 15, tzinfo=dt.timezone.utc)
        + dt.timedelta(minutes=number % 100_000),
        published_raw="14.03.2024 09:15:00",
        language="en",
        source="Harbour Post",
        url=f"https://news.example.org/harbour-tram-{number}",
        authors=("Eva Marsh",),
        paragraphs=_PARAGRAPHS,
        speakers=(
            Speaker(
                id="s1",
                name="Jana Novak",
                kind=SpeakerKind.PERSON,
                aliases=("Ms. Novak",),
                affiliations=(
                    Affiliation(organization="Institute of Transport Studies", role="economist"),
                ),
            ),
            Speaker(
                id="s2",
                name="Petr Dvořák",
                kind=SpeakerKind.PERSON,
                aliases=("Mr. Dvořák",),
                affiliations=(
                    Affiliation(organization="Harbour Traders’ Association", role="spokesman"),
                ),
            ),
        ),
        quotes=tuple(quotes),
    )


def sample_jsonl(records: int) -> bytes:
    """``records`` sample articles as JSON Lines bytes, written by newsrecord."""
    out = io.StringIO()
    write_jsonl((sample_article(number) for number in range(records)), out)
    return out.getvalue().encode("utf-8")


# --------------------------------------------------------------------------- the machine


def machine() -> dict[str, Any]:
    """What the results depend on: the processor, the cores, Python, the libraries."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions: dict[str, str | None] = {}
    for name in ("newsrecord", "attrs", "cattrs", "orjson", "pydantic", "msgspec", "langdetect"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return {
        "date": dt.date.today().isoformat(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "load_average": [round(load, 2) for load in os.getloadavg()],
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "system": f"{platform.system()} {platform.release()}",
        "versions": versions,
    }


def print_machine(info: dict[str, Any]) -> None:
    versions = ", ".join(
        f"{name} {version}" for name, version in info["versions"].items() if version
    )
    print(f"{info['date']}, {info['cpu']}, {info['cores']} cores, load {info['load_average']}")
    print(f"{info['implementation']} {info['python']} on {info['system']}; {versions}")


# --------------------------------------------------------------------------- contenders


@dataclass
class Contender:
    name: str
    load: Callable[[bytes], list[Any]]
    dump: Callable[[list[Any]], bytes]
    #: Whether ``dump(load(data))`` must be ``data`` itself (else: the same JSON values).
    same_bytes: bool = False
    #: Run with newsrecord's orjson path switched off.
    stdlib_only: bool = False


def _text_sink() -> tuple[io.BytesIO, io.TextIOWrapper]:
    buffer = io.BytesIO()
    return buffer, io.TextIOWrapper(buffer, encoding="utf-8", newline="")


def _newsrecord_load(data: bytes) -> list[Any]:
    return list(read_jsonl(io.BytesIO(data)))


def _newsrecord_dump(articles: list[Any]) -> bytes:
    buffer, handle = _text_sink()
    write_jsonl(articles, handle)
    handle.flush()
    return buffer.getvalue()


def contenders() -> tuple[list[Contender], list[str]]:
    """The contenders that can run here, and a note for each one that cannot."""
    found = [Contender("newsrecord (json)", _newsrecord_load, _newsrecord_dump, True, True)]
    missing = []
    if getattr(_jsonio, "_orjson", None) is not None:  # absent before the orjson path
        found.append(Contender("newsrecord (orjson)", _newsrecord_load, _newsrecord_dump, True))
    else:
        missing.append("newsrecord (orjson): orjson is not installed (pip install orjson)")
    found.append(_plain_json())
    if getattr(_jsonio, "_orjson", None) is not None:
        found.append(_plain_orjson())
    try:
        import pydantic  # noqa: F401
    except ImportError:
        missing.append("pydantic v2: not installed (pip install -e '.[bench]')")
    else:
        found.append(_pydantic())
    try:
        import msgspec  # noqa: F401
    except ImportError:
        missing.append("msgspec: not installed (pip install -e '.[bench]')")
    else:
        found.append(_msgspec())
    return found, missing


def _plain_json() -> Contender:
    """The floor of any library on the standard library's json: dicts, no objects, no checks."""
    encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))

    def load(data: bytes) -> list[Any]:
        return [json.loads(line) for line in data.splitlines()]

    def dump(records: list[Any]) -> bytes:
        buffer, handle = _text_sink()
        for record in records:
            handle.write(encoder.encode(record))
            handle.write("\n")
        handle.flush()
        return buffer.getvalue()

    return Contender(PLAIN_JSON, load, dump, same_bytes=True)


def _plain_orjson() -> Contender:
    """The same floor with orjson."""
    import orjson

    def load(data: bytes) -> list[Any]:
        return [orjson.loads(line) for line in data.splitlines()]

    def dump(records: list[Any]) -> bytes:
        newline = orjson.OPT_APPEND_NEWLINE
        return b"".join([orjson.dumps(record, option=newline) for record in records])

    return Contender(PLAIN_ORJSON, load, dump, same_bytes=True)


def _pydantic() -> Contender:
    from models import PydanticArticle

    validate = PydanticArticle.model_validate_json

    def load(data: bytes) -> list[Any]:
        return [validate(line) for line in data.splitlines()]

    def dump(models: list[Any]) -> bytes:
        buffer, handle = _text_sink()
        for model in models:
            handle.write(model.model_dump_json(by_alias=True))
            handle.write("\n")
        handle.flush()
        return buffer.getvalue()

    return Contender("pydantic v2", load, dump)


def _msgspec() -> Contender:
    import msgspec

    from models import MsgspecArticle

    decoder = msgspec.json.Decoder(MsgspecArticle)
    encoder = msgspec.json.Encoder()

    def load(data: bytes) -> list[Any]:
        return decoder.decode_lines(data)

    def dump(structs: list[Any]) -> bytes:
        return encoder.encode_lines(structs)

    return Contender("msgspec", load, dump)


class _StdlibOnly:
    """Switch newsrecord's orjson path off for a while (a no-op when it is off anyway)."""

    def __init__(self, active: bool) -> None:
        self.active = active
        self.saved: Any = None

    def __enter__(self) -> None:
        if self.active:
            self.saved, _jsonio._orjson = getattr(_jsonio, "_orjson", None), None

    def __exit__(self, *exc: object) -> None:
        if self.active:
            _jsonio._orjson = self.saved


def check(contender: Contender, data: bytes) -> None:
    """Fail loudly unless the contender reads ``data`` and writes back what it read."""
    with _StdlibOnly(contender.stdlib_only):
        objects = contender.load(data)
        written = contender.dump(objects)
    if contender.same_bytes:
        if written != data:
            raise AssertionError(f"{contender.name} does not write back the bytes it read")
        return
    # The same values: the same articles when newsrecord reads them.  (The JSON text may
    # differ: pydantic and msgspec write UTC as "Z", newsrecord as "+00:00".)
    expected = [from_json(line) for line in data.splitlines()]
    if [from_json(line) for line in written.splitlines()] != expected:
        raise AssertionError(f"{contender.name} does not write back the values it read")


# --------------------------------------------------------------------------- timing


@dataclass
class Timing:
    name: str
    load_us: list[float]
    dump_us: list[float]

    @property
    def load(self) -> float:
        return statistics.median(self.load_us)

    @property
    def dump(self) -> float:
        return statistics.median(self.dump_us)

    @property
    def total(self) -> float:
        return statistics.median(a + b for a, b in zip(self.load_us, self.dump_us, strict=True))


def _timed(step: Callable[[], Any], records: int) -> tuple[float, Any]:
    gc.collect()
    start = time.perf_counter()
    result = step()
    return (time.perf_counter() - start) * 1e6 / records, result


def measure(found: Sequence[Contender], data: bytes, records: int, rounds: int) -> list[Timing]:
    timings = [Timing(contender.name, [], []) for contender in found]
    for _round in range(rounds):
        for contender, timing in zip(found, timings, strict=True):
            with _StdlibOnly(contender.stdlib_only):
                load_us, objects = _timed(functools.partial(contender.load, data), records)
                dump_us, _written = _timed(functools.partial(contender.dump, objects), records)
            del objects
            timing.load_us.append(load_us)
            timing.dump_us.append(dump_us)
    return timings


def _by_name(timings: Sequence[Timing], name: str) -> Timing | None:
    return next((timing for timing in timings if timing.name == name), None)


def ratios(timings: Sequence[Timing]) -> dict[str, dict[str, float]]:
    """Each contender's total time over pydantic's and msgspec's (when they ran).

    The median over the rounds of the ratio within a round: the contenders of one round
    ran within a fraction of a second of each other, so load from other programs that
    comes and goes cancels out better than in a ratio of medians.
    """
    result: dict[str, dict[str, float]] = {}
    for base in ("pydantic v2", "msgspec"):
        reference = _by_name(timings, base)
        if reference is None:
            continue
        totals = [a + b for a, b in zip(reference.load_us, reference.dump_us, strict=True)]
        result[base] = {
            timing.name: statistics.median(
                (load + dump) / total
                for load, dump, total in zip(timing.load_us, timing.dump_us, totals, strict=True)
            )
            for timing in timings
        }
    return result


def report(timings: Sequence[Timing], missing: Sequence[str]) -> None:
    table_ratios = ratios(timings)
    header = f"{'':22} {'load µs':>9} {'dump µs':>9} {'total µs':>9}"
    for base in table_ratios:
        header += f" {'÷ ' + base:>14}"
    print(header)
    for timing in timings:
        line = f"{timing.name:22} {timing.load:9.1f} {timing.dump:9.1f} {timing.total:9.1f}"
        for by_name in table_ratios.values():
            line += f" {by_name[timing.name]:13.2f}x"
        print(line)
    for note in missing:
        print(f"skipped {note}")
    print()
    targets = (
        ("newsrecord (json)", "pydantic v2", TARGET_STDLIB_VS_PYDANTIC),
        ("newsrecord (orjson)", "msgspec", TARGET_ORJSON_VS_MSGSPEC),
    )
    for name, base, target in targets:
        ratio = table_ratios.get(base, {}).get(name)
        if ratio is not None:
            verdict = "met" if ratio <= target else "NOT met"
            print(f"target {name} ≤ {target}x {base}: {ratio:.2f}x, {verdict}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--records", type=int, default=500, help="records in the file")
    parser.add_argument("--rounds", type=int, default=31, help="timed rounds (median)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent))  # for ``models``
    data = sample_jsonl(args.records)
    found, missing = contenders()
    for contender in found:
        check(contender, data)
    for contender in found:  # one untimed round: imports, caches, lazy set-up
        with _StdlibOnly(contender.stdlib_only):
            contender.dump(contender.load(data))
    timings = measure(found, data, args.records, args.rounds)
    info = machine()
    if args.json:
        result = {
            "machine": info,
            "records": args.records,
            "bytes_per_record": len(data) / args.records,
            "rounds": args.rounds,
            "median_us_per_record": {
                timing.name: {"load": timing.load, "dump": timing.dump, "total": timing.total}
                for timing in timings
            },
            "ratios": ratios(timings),
            "skipped": list(missing),
        }
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    print_machine(info)
    print(
        f"{args.records} records of {len(data) / args.records:.0f} bytes; medians of "
        f"{args.rounds} rounds, per record\n"
    )
    report(timings, missing)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
