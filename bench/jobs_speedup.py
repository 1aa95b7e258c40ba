"""Speed-up of ``newsrecord parse --jobs N`` over ``--jobs 1``, on posts written at run time.

Run it from the repository root, on a machine that is otherwise quiet::

    python bench/jobs_speedup.py                    # 3,000 generated posts, --jobs 2 vs 1
    python bench/jobs_speedup.py --posts 6000 --jobs 2 4 --repeat 5
    python bench/jobs_speedup.py --polnear          # the PolNeAR dev texts, 20 copies each
    python bench/jobs_speedup.py --json             # machine-readable

Each run is the real command, ``python -m newsrecord parse DIR/*.txt -o OUT --no-progress``,
timed from start to exit (interpreter start-up, imports and language profiles included).
The runs of each setting alternate (1, 2, 1, 2, ...) so that a change of load on the
machine touches them alike, and the medians are compared.  Before each round, the
machine's capacity is measured: how much faster N independent busy loops finish than
one, N at a time (N on an idle machine with N cores); the speed-up cannot exceed it.
The outputs must be identical, byte for byte, or the benchmark fails.  The load average
before and after is printed: other processes on the machine slow the parallel runs more
than the sequential one.

The generated posts are made up from the word lists below.  ``--polnear`` reads the texts
of ``dev.jsonl`` from ``--corpus DIR`` (default ``../shared/corpora/polnear``) and writes them
as posts into a temporary directory, deleted at the end: they are copyrighted and are never
stored in the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "polnear"

FIRST = (
    "Jana Tomas Mira Piotr Elena Karl Ines Oskar Lena Marek Sofia Anton Vera Felix Nora Emil "
    "Ada Bruno Clara Dario Eva Greta Hugo Ivo Julia Kasper Liv Mateo Olga Pavel Rosa Sven"
).split()
LAST = (
    "Novak Brenner Kolar Halas Varga Lind Moreau Sandberg Ferreira Okafor Tanaka Petrov "
    "Costa Weber Dahl Rossi Berg Castell Duval Ekberg Falk Grasso Holm Ivanova Jensen Kowal"
).split()
ROLES = (
    "an economist",
    "a spokeswoman",
    "the director",
    "a researcher",
    "the chair",
    "a councillor",
    "an engineer",
    "the head of planning",
    "a lawyer",
    "the treasurer",
)
ORGS = (
    "Institute of Transport Studies",
    "Harbour Residents Association",
    "City Library Trust",
    "Northern Water Board",
    "Chamber of Commerce",
    "Regional Arts Council",
    "Forestry Office",
    "University of Lindgrove",
    "Cyclists Union",
    "Port Authority",
)
TOWNS = ("Lindgrove", "Marsden", "Tollbridge", "Eastwick", "Rivermoor", "Colbury", "Ashford")
THINGS = (
    ("a new footbridge", "bridge"),
    ("the winter market", "market"),
    ("a solar farm", "farm"),
    ("the night bus network", "network"),
    ("a public swimming pool", "pool"),
    ("the old grain silo", "silo"),
    ("a cycling lane", "lane"),
    ("the harbour ferry", "ferry"),
)
CUES = ("said", "told reporters", "added", "warned", "explained", "noted", "argued")
LINES = (
    "We have waited a long time for this decision, and people deserve to see it done properly",
    "Nobody has shown us how the costs will be covered after the first five years",
    "The numbers look sensible, but the timetable is far too optimistic",
    "Every town of this size that tried something similar was glad it did",
    "This is a small step, yet it changes how the whole district works",
    "We will keep asking questions until the plans are published in full",
    "The work should be finished before the next winter if the weather allows",
    "People who live nearby were not asked, and that is a mistake",
    "It is cheaper to repair what we have than to build something new",
    "The first year will show whether the forecasts were right",
)
FILLER = (
    "The plan was first discussed three years ago and has changed several times since then.",
    "Officials expect the first results to be visible within a few months.",
    "Several residents attended the meeting, which lasted well into the evening.",
    "The budget includes money for maintenance over the next decade.",
    "A final vote on the details is expected early next year.",
    "Local businesses have asked for clear information about the schedule.",
    "The council published a summary of the costs on its website last week.",
    "Two earlier proposals were withdrawn after objections from neighbours.",
)


def generated_post(number: int, rng: random.Random) -> str:
    """A made-up post of some 2 to 3 kB, with direct and indirect quotes."""
    town = rng.choice(TOWNS)
    thing, short = rng.choice(THINGS)
    people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(3)]
    paragraphs = [
        f"The {town} council voted on {rng.choice(('Monday', 'Tuesday', 'Friday'))} to go "
        f"ahead with {thing}, a project that will cost about {rng.randrange(2, 400)} million "
        f"euros, according to the {rng.choice(ORGS)}.",
    ]
    for person in people:
        paragraphs.append(
            f"{person}, {rng.choice(ROLES)} at the {rng.choice(ORGS)}, {rng.choice(CUES)} "
            f"the {short} would be ready within {rng.randrange(2, 9)} years."
        )
        paragraphs.append(rng.choice(FILLER))
        paragraphs.append(
            f"\u201c{rng.choice(LINES)}. {rng.choice(LINES)},\u201d "
            f"{rng.choice(('Ms.', 'Mr.'))} {person.split()[1]} {rng.choice(CUES)}."
        )
        paragraphs.append(" ".join(rng.sample(FILLER, 3)))
    date = f"{1 + number % 28:02d}.{1 + number % 12:02d}.2024 {number % 24:02d}:{number % 60:02d}"
    headline = f"{town} council backs {thing} after long debate (no. {number})"
    return f"Posted: {date}\n\n{headline}\n\n" + "\n\n".join(paragraphs) + "\n"


def write_generated(directory: Path, count: int) -> None:
    rng = random.Random(2024)
    for number in range(count):
        text = generated_post(number, rng)
        (directory / f"post-{number:06d}.txt").write_text(text, encoding="utf-8")


def write_polnear(directory: Path, corpus: Path, copies: int) -> int:
    """The dev texts as posts (a date line, then the text: headline first), ``copies`` each."""
    count = 0
    with (corpus / "dev.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            post = f"Posted: {record['date']}\n\n{record['text']}\n"
            for copy in range(copies):
                # A different date line for each copy, so that each is a different post.
                dated = post.replace(record["date"], f"{record['date']} {copy % 24:02d}:00", 1)
                (directory / f"{count:06d}.txt").write_text(dated, encoding="utf-8")
                count += 1
    return count


def run_once(posts: Path, output: Path, jobs: int) -> float:
    command = [sys.executable, "-m", "newsrecord", "parse", str(posts / "*.txt")]
    command += ["-o", str(output), "--force", "--no-progress", "--jobs", str(jobs)]
    start = time.perf_counter()
    done = subprocess.run(command, check=False, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"--jobs {jobs} failed (exit status {done.returncode}):\n{done.stderr[-2000:]}")
    return elapsed


_BUSY_LOOP = "total = 0\nfor number in range(15_000_000):\n    total += number"


def capacity(jobs: int) -> float:
    """How many busy loops the machine runs at once now: ``jobs`` loops against one.

    ``jobs`` on an idle machine with that many cores; less when other processes take
    CPU time.  The speed-up of ``--jobs`` cannot exceed it.
    """

    def wall(count: int) -> float:
        start = time.perf_counter()
        loops = [subprocess.Popen([sys.executable, "-c", _BUSY_LOOP]) for _ in range(count)]
        for loop in loops:
            loop.wait()
        return time.perf_counter() - start

    return jobs * wall(1) / wall(jobs)


def load() -> str:
    try:
        return " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:  # pragma: no cover - not on every platform
        return "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=int, default=3000, help="generated posts (default 3000)")
    parser.add_argument("--polnear", action="store_true", help="use the PolNeAR dev texts")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="PolNeAR directory")
    parser.add_argument("--copies", type=int, default=20, help="copies of each PolNeAR text")
    parser.add_argument("--jobs", type=int, nargs="+", default=[2], help="N to compare with 1")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each setting (median)")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="newsrecord-jobs-") as temporary:
        posts = Path(temporary) / "posts"
        posts.mkdir()
        if args.polnear:
            count = write_polnear(posts, args.corpus, args.copies)
            source = f"PolNeAR dev texts x {args.copies}"
        else:
            write_generated(posts, args.posts)
            count, source = args.posts, "generated posts"
        size = sum(path.stat().st_size for path in posts.iterdir())
        settings = [1, *args.jobs]
        times: dict[int, list[float]] = {jobs: [] for jobs in settings}
        load_before = load()
        capacities: dict[int, list[float]] = {jobs: [] for jobs in args.jobs}
        for _round in range(args.repeat):
            for jobs in args.jobs:
                capacities[jobs].append(capacity(jobs))
            for jobs in settings:
                output = Path(temporary) / f"out-{jobs}.jsonl"
                times[jobs].append(run_once(posts, output, jobs))
        load_after = load()
        reference = (Path(temporary) / "out-1.jsonl").read_bytes()
        for jobs in args.jobs:
            if (Path(temporary) / f"out-{jobs}.jsonl").read_bytes() != reference:
                print(f"--jobs {jobs} wrote other bytes than --jobs 1", file=sys.stderr)
                return 1

    medians = {jobs: statistics.median(values) for jobs, values in times.items()}
    result = {
        "source": source,
        "files": count,
        "megabytes": round(size / 1e6, 1),
        "cpus": os.cpu_count(),
        "repeat": args.repeat,
        "load_before": load_before,
        "load_after": load_after,
        "seconds": {str(jobs): [round(value, 2) for value in times[jobs]] for jobs in settings},
        "median_seconds": {str(jobs): round(medians[jobs], 2) for jobs in settings},
        "speedup": {str(jobs): round(medians[1] / medians[jobs], 2) for jobs in args.jobs},
        "capacity": {
            str(jobs): round(statistics.median(capacities[jobs]), 2) for jobs in args.jobs
        },
        "identical_output": True,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{count:,} {source} ({result['megabytes']} MB), {os.cpu_count()} CPUs")
    print(f"load average before: {load_before}; after: {load_after}")
    for jobs in settings:
        runs = ", ".join(f"{value:.2f}" for value in times[jobs])
        line = f"--jobs {jobs}: median {medians[jobs]:.2f} s  ({runs})"
        if jobs != 1:
            line += f"  speed-up {medians[1] / medians[jobs]:.2f}x"
            line += f" (machine: {statistics.median(capacities[jobs]):.2f}x for {jobs} busy loops)"
        print(line)
    print("output identical, byte for byte: yes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
