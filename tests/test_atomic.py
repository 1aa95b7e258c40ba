"""Tests of ``newsrecord._atomic``: all-or-nothing file writes."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsrecord import NewsrecordError, OutputExistsError
from newsrecord._atomic import atomic_write, check_writable, same_file

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@pytest.fixture
def umask() -> Iterator[int]:
    """The umask in force, restored after the test whatever it does."""
    mask = current_umask()
    yield mask
    os.umask(mask)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_writes_the_file(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    with atomic_write(path) as handle:
        handle.write("first\nsecond\n")
    assert path.read_text(encoding="utf-8") == "first\nsecond\n"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_accepts_str_paths_and_relative_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with atomic_write(str(tmp_path / "a.txt")) as handle:
        handle.write("a")
    monkeypatch.chdir(tmp_path)
    with atomic_write("b.txt") as handle:
        handle.write("b")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "a"
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == "b"
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "b.txt"]


@posix_only
def test_mode_follows_the_umask_not_0600(tmp_path: Path, umask: int) -> None:
    path = tmp_path / "out.txt"
    with atomic_write(path) as handle:
        handle.write("x")
    assert mode(path) == 0o666 & ~umask
    if umask == 0o022:
        assert mode(path) == 0o644


@posix_only
def test_mode_follows_a_umask_changed_after_import(tmp_path: Path, umask: int) -> None:
    new_mask = 0o077 if umask != 0o077 else 0o027
    os.umask(new_mask)
    path = tmp_path / "out.txt"
    with atomic_write(path) as handle:
        handle.write("x")
    assert mode(path) == 0o666 & ~new_mask


def test_newlines_are_not_translated(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    with atomic_write(path) as handle:
        handle.write("a\nb\r\nc\r")
    assert path.read_bytes() == b"a\nb\r\nc\r"


def test_encoding(tmp_path: Path) -> None:
    with atomic_write(tmp_path / "utf8.txt") as handle:
        handle.write("café")
    assert (tmp_path / "utf8.txt").read_bytes() == "café".encode()
    with atomic_write(tmp_path / "latin1.txt", encoding="latin-1") as handle:
        handle.write("café")
    assert (tmp_path / "latin1.txt").read_bytes() == b"caf\xe9"


def test_nothing_appears_at_the_path_before_success(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    with atomic_write(path) as handle:
        handle.write("partial")
        handle.flush()
        assert not path.exists()
        (temporary,) = os.listdir(tmp_path)
        assert temporary.startswith(".out.txt.")
        assert temporary.endswith(".tmp")
    assert os.listdir(tmp_path) == ["out.txt"]


def test_old_file_stays_until_success(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    path.write_text("old", encoding="utf-8")
    with atomic_write(path, force=True) as handle:
        handle.write("new")
        handle.flush()
        assert path.read_text(encoding="utf-8") == "old"
    assert path.read_text(encoding="utf-8") == "new"
    assert os.listdir(tmp_path) == ["out.txt"]


@pytest.mark.parametrize("error", [ValueError("boom"), KeyboardInterrupt()])
def test_exception_keeps_the_old_file_and_removes_the_temporary(
    tmp_path: Path, error: BaseException
) -> None:
    path = tmp_path / "out.txt"
    path.write_text("old", encoding="utf-8")

    def write_and_fail() -> None:
        with atomic_write(path, force=True) as handle:
            handle.write("new, but never finished")
            raise error

    with pytest.raises(type(error)):
        write_and_fail()
    assert path.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_exception_creates_no_file(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"

    def write_and_fail() -> None:
        with atomic_write(path) as handle:
            handle.write("x")
            raise RuntimeError

    with pytest.raises(RuntimeError):
        write_and_fail()
    assert os.listdir(tmp_path) == []


def test_refuses_an_existing_file_without_force(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(OutputExistsError) as info, atomic_write(path):
        pytest.fail("the block must not run")  # pragma: no cover
    error = info.value
    assert isinstance(error, FileExistsError)
    assert isinstance(error, NewsrecordError)
    assert error.file == str(path)
    assert "force" in error.message
    assert path.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_force_replaces_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    path.write_text("old", encoding="utf-8")
    with atomic_write(path, force=True) as handle:
        handle.write("new")
    assert path.read_text(encoding="utf-8") == "new"


def test_missing_directory_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError), atomic_write(tmp_path / "no" / "out.txt"):
        pass  # pragma: no cover


def test_dash_is_standard_output(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with atomic_write("-") as handle:
        assert handle is sys.stdout
        handle.write("to stdout\n")
    assert capsys.readouterr().out == "to stdout\n"
    assert os.listdir(tmp_path) == []
    assert not sys.stdout.closed


def test_dash_ignores_force(capsys: pytest.CaptureFixture[str]) -> None:
    with atomic_write("-", force=False) as handle:
        handle.write("a")
    with atomic_write("-", force=True) as handle:
        handle.write("b")
    assert capsys.readouterr().out == "ab"


# --- check_writable ----------------------------------------------------------------------


def test_check_writable(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    check_writable(path, force=False)
    check_writable(path, force=True)
    path.write_text("", encoding="utf-8")
    with pytest.raises(OutputExistsError) as info:
        check_writable(path, force=False)
    assert info.value.file == str(path)
    assert str(info.value).startswith(f"{path}: output exists already")
    check_writable(path, force=True)
    check_writable(str(path), force=True)


def test_check_writable_counts_directories_and_dangling_links(tmp_path: Path) -> None:
    with pytest.raises(OutputExistsError):
        check_writable(tmp_path, force=False)
    link = tmp_path / "dangling"
    try:
        link.symlink_to(tmp_path / "nowhere")
    except OSError:  # pragma: no cover - no symlinks on this system
        pytest.skip("symlinks are not available")
    with pytest.raises(OutputExistsError):
        check_writable(link, force=False)


# --- same_file ---------------------------------------------------------------------------


def test_same_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("same", encoding="utf-8")
    b.write_text("same", encoding="utf-8")
    assert same_file(a, a)
    assert same_file(a, str(a))
    assert same_file(a, tmp_path / "sub" / ".." / "a.txt") is False  # sub does not exist
    (tmp_path / "sub").mkdir()
    assert same_file(a, tmp_path / "sub" / ".." / "a.txt")
    monkeypatch.chdir(tmp_path)
    assert same_file("a.txt", a)
    assert not same_file(a, b)  # equal content, different files
    assert not same_file(a, tmp_path / "missing.txt")
    assert not same_file(tmp_path / "missing.txt", tmp_path / "missing.txt")
    assert same_file(tmp_path, ".")


def test_same_file_through_links(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("x", encoding="utf-8")
    try:
        (tmp_path / "hard.txt").hardlink_to(a)
        (tmp_path / "soft.txt").symlink_to(a)
    except OSError:  # pragma: no cover - no links on this system
        pytest.skip("links are not available")
    assert same_file(a, tmp_path / "hard.txt")
    assert same_file(a, tmp_path / "soft.txt")
