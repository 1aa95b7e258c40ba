"""Records per second and peak memory of ``newsrecord validate`` on large JSON Lines files.

Run it from the repository root (it takes minutes: the 1,000,000-record file is about
2.4 GB, written to a temporary directory and deleted afterwards)::

    python bench/validate_scale.py                      # 100,000 and 1,000,000 records
    python bench/validate_scale.py --sizes 1000 10000   # a quick look
    python bench/validate_scale.py --stdlib             # newsrecord's orjson path off
    python bench/validate_scale.py --json

Each file holds copies of the article of ``bench/serialization.py`` (six paragraphs,
five quotes, two speakers), each with its own id, so every record is valid and the
dataset-wide duplicate-id check has to remember every id.  Each size is validated by
``python -m newsrecord validate FILE`` in a child process, whose wall time, CPU time and
peak resident set size (``ru_maxrss`` from ``wait4``, taken by a small launcher process:
see ``_LAUNCHER``) are reported, next to those of the same command on a one-record file
(the interpreter and the imports).

The issue that asked for this benchmark wants the peak memory not to grow with the file:
the peaks at 100,000 and 1,000,000 records within 10 % of each other, both under 100 MB.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsrecord import to_json
from serialization import machine, print_machine, sample_article

#: The targets: peak RSS growth from the smaller to the larger file, and the ceiling.
TARGET_GROWTH = 0.10
TARGET_PEAK_MB = 100.0

#: The child that runs the command with newsrecord's orjson path switched off.
_STDLIB_CHILD = (
    "import sys, newsrecord._jsonio as jsonio; jsonio._orjson = None; "
    "from newsrecord._cli import main; sys.exit(main(sys.argv[1:]))"
)


def write_dataset(path: Path, records: int) -> int:
    """Write ``records`` valid articles with distinct ids; return the file's size in bytes.

    One article is serialised, and its id is replaced by a counter of the same width.
    """
    template = to_json(sample_article(0)).encode("utf-8") + b"\n"
    old_id = sample_article(0).id.encode("utf-8")
    head, tail = template.split(old_id)
    if len(old_id) != len(b"harbour-tram-00000000"):
        raise AssertionError("the template id changed width")
    with path.open("wb") as handle:
        batch = []
        for number in range(records):
            batch.append(b"%sharbour-tram-%08d%s" % (head, number, tail))
            if len(batch) == 10_000:
                handle.write(b"".join(batch))
                batch.clear()
        handle.write(b"".join(batch))
    return path.stat().st_size


#: Runs ``argv[2:]`` in a forked child with its output in the file ``argv[1]``, and prints
#: the child's exit status, wall and CPU time and ``ru_maxrss`` (from ``wait4``) as JSON.
#: Linux counts in a process's ``ru_maxrss`` the peak of the process it was forked from
#: (of the whole parent, when Python spawns it with ``vfork``), so a child of this
#: benchmark would report this benchmark's own peak when that is the larger.  The
#: launcher, a bare interpreter (``-S -I``) of a few MB, is the parent instead.
_LAUNCHER = """
import json, os, sys, time
out, command = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        os.execv(command[0], command)
    finally:
        os._exit(127)
_pid, status, usage = os.wait4(pid, 0)
print(json.dumps({
    "exit_status": os.waitstatus_to_exitcode(status),
    "wall_s": time.perf_counter() - start,
    "cpu_s": usage.ru_utime + usage.ru_stime,
    "maxrss_kb": usage.ru_maxrss,
}))
"""


def run_validate(path: Path, *, stdlib: bool) -> dict[str, Any]:
    """Run ``newsrecord validate`` on ``path`` in a child; its times, peak RSS and output."""
    if stdlib:
        command = [sys.executable, "-c", _STDLIB_CHILD, "validate", str(path)]
    else:
        command = [sys.executable, "-m", "newsrecord", "validate", str(path)]
    out = path.with_suffix(".out")
    launcher = [sys.executable, "-S", "-I", "-c", _LAUNCHER, str(out)]
    try:
        report = subprocess.run([*launcher, *command], capture_output=True, check=True, text=True)
        output = out.read_text(encoding="utf-8", errors="replace").strip()
    finally:
        out.unlink(missing_ok=True)
    run: dict[str, Any] = json.loads(report.stdout)
    run["output"] = output[-500:]
    run["peak_rss_mb"] = run.pop("maxrss_kb") / 1024  # kilobytes on Linux
    return run


def measure(sizes: Sequence[int], directory: Path, *, stdlib: bool) -> list[dict[str, Any]]:
    results = []
    for records in (1, *sizes):
        path = directory / f"articles-{records}.jsonl"
        file_bytes = write_dataset(path, records)
        try:
            run = run_validate(path, stdlib=stdlib)
        finally:
            path.unlink()
        expected = f"checked {records:,} record".replace(",", "")
        if run["exit_status"] != 0 or not run["output"].startswith(expected):
            raise SystemExit(f"validate failed on {records} records:\n{run['output']}")
        run.update(records=records, file_mb=file_bytes / 1e6)
        run["records_per_s"] = records / run["wall_s"]
        results.append(run)
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[100_000, 1_000_000],
        help="records in each file (default: 100000 1000000)",
    )
    parser.add_argument("--tmp", type=Path, default=None, help="where to write the files")
    parser.add_argument("--stdlib", action="store_true", help="switch the orjson path off")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=args.tmp, prefix="newsrecord-bench-") as directory:
        results = measure(args.sizes, Path(directory), stdlib=args.stdlib)
    smallest, largest = results[1], results[-1]  # results[0]: the one-record file
    growth = largest["peak_rss_mb"] / smallest["peak_rss_mb"] - 1
    summary = {
        "machine": machine(),
        "json_path": "stdlib" if args.stdlib else "orjson if installed",
        "runs": results,
        "peak_rss_growth": growth,
    }
    if args.json:
        print(json.dumps(summary, indent=2))
        return 0
    print_machine(summary["machine"])
    print(f"newsrecord validate, one process; JSON path: {summary['json_path']}\n")
    header = ("records", "file MB", "wall s", "CPU s", "records/s", "peak MB")
    print("{:>10} {:>8} {:>8} {:>7} {:>10} {:>8}".format(*header))
    for run in results:
        print(
            f"{run['records']:>10,} {run['file_mb']:8.1f} {run['wall_s']:8.1f} "
            f"{run['cpu_s']:7.1f} {run['records_per_s']:10,.0f} {run['peak_rss_mb']:8.1f}"
        )
    print("(wall time includes the interpreter's start, as the one-record file shows)\n")
    if len(results) > 2:
        growth_ok = growth <= TARGET_GROWTH
        print(
            f"peak RSS {largest['records']:,} vs {smallest['records']:,} records: {growth:+.1%} "
            f"(target within {TARGET_GROWTH:.0%}): {'met' if growth_ok else 'NOT met'}"
        )
    peak = max(run["peak_rss_mb"] for run in results)
    ceiling_ok = peak < TARGET_PEAK_MB
    print(
        f"highest peak RSS {peak:.1f} MB (target under {TARGET_PEAK_MB:.0f} MB): "
        f"{'met' if ceiling_ok else 'NOT met'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
