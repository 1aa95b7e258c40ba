"""newsrecord in Dask workers: the recipe of ``docs/scale.md`` gives the command's records.

Needs the ``dask`` extra (``pip install '.[dask]'``); skipped without it.  Every post here
is made up for these tests (see ``test_parallel.make_posts``).
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

import newsrecord  # noqa: E402
from test_parallel import make_post, make_posts  # noqa: E402

DOCS = Path(__file__).resolve().parent.parent / "docs" / "scale.md"


def recipe() -> str:
    """The Python block that follows the mention of this file in ``docs/scale.md``."""
    text = DOCS.read_text(encoding="utf-8")
    marker = text.index("% tests/test_dask.py runs the block below")
    match = re.compile(r"^```python\n(.*?)^```$", re.DOTALL | re.MULTILINE).search(text, marker)
    assert match is not None, "no python block after the marker in docs/scale.md"
    return match.group(1)


def test_recipe_gives_the_records_of_the_command(tmp_path: Path) -> None:
    posts = tmp_path / "posts"
    make_posts(posts, 30)
    make_posts(posts / "more", 12, seed=5)
    (posts / "more" / "latin.txt").write_bytes("Posted: 01.02.2024\n\nCaf\xe9\n".encode("latin-1"))
    (posts / "empty.txt").write_text("\n", encoding="utf-8")
    code = recipe()
    # Many small partitions, so that the order of the partitions is put to the test.
    assert "partition_size=500" in code
    (tmp_path / "recipe.py").write_text(
        code.replace("partition_size=500", "partition_size=4"), encoding="utf-8"
    )
    done = subprocess.run(
        [sys.executable, "recipe.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    command = subprocess.run(
        [sys.executable, "-m", "newsrecord", "parse", "posts/**/*.txt", "--jobs", "1"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert command.returncode == 1  # the two bad files
    parts = sorted((tmp_path / "out").glob("part-*.jsonl"))
    assert len(parts) == 11  # 44 posts in partitions of 4
    written = b"".join(part.read_bytes() for part in parts)
    assert written == command.stdout.encode("utf-8")
    assert written.count(b"\n") == 42

    def messages(stderr: str, kind: str) -> list[str]:
        return [line for line in stderr.splitlines() if f": {kind}: " in line]

    assert messages(done.stderr, "warning") == messages(command.stderr, "warning")
    assert messages(done.stderr, "warning")  # there were some
    failed = [line.split(": ")[0] for line in messages(done.stderr, "error")]
    assert failed == [line.split(": ")[0] for line in messages(command.stderr, "error")]
    assert failed == ["posts/empty.txt", "posts/more/latin.txt"]


@pytest.mark.filterwarnings("ignore::newsrecord.ParseWarning")
def test_workers_parse_as_this_process_does() -> None:
    rng = random.Random(11)
    texts = [make_post(number, rng) for number in range(24)]
    here = [newsrecord.parse_post(text) for text in texts]
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        there = client.gather(client.map(newsrecord.parse_post, texts))
        pids = set(client.run(lambda: __import__("os").getpid()).values())
    assert len(pids) == 2
    assert there == here  # the Articles came back pickled, equal field by field
    assert [article.id for article in there] == [article.id for article in here]
    assert [article.language for article in there] == [article.language for article in here]
    assert {article.language for article in here} >= {"en", "es", "fr", "pt"}
