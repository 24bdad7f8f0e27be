"""The stamps that let a long-running server keep work until a file changes (load/stamps.py),
and the frameworks it keeps in memory (framework_cache.load_framework_kept)."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_index.errors import RuleError
from cchc_index.load import stamps
from cchc_index.load.digest import bundle_files
from cchc_index.load.framework_cache import load_framework_kept
from cchc_index.load.stamps import file_sha256, folder_stamp

ROOT = Path(__file__).resolve().parent.parent


def _age(path: Path, seconds: float) -> None:
    """Make the file look last changed `seconds` ago (its mtime; ctime follows the clock)."""
    then = time.time() - seconds
    os.utime(path, (then, then))


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files read with `Path.read_bytes` from now on."""
    seen: list[Path] = []
    real = Path.read_bytes

    def spy(self: Path) -> bytes:
        seen.append(self)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", spy)
    return seen


def test_a_rewrite_in_the_same_tick_at_the_same_size_changes_the_stamp(tmp_path: Path) -> None:
    target = tmp_path / "links.csv"
    target.write_text("a,1\n", encoding="utf-8")
    before = folder_stamp(tmp_path)
    info = target.stat()
    target.write_text("b,1\n", encoding="utf-8")  # same size, same inode
    os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns))  # and the same mtime
    assert folder_stamp(tmp_path) != before  # recent: its bytes are in the stamp


def test_settled_files_are_stamped_without_reading_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reads: list[Path]
) -> None:
    target = tmp_path / "big.pdf"
    target.write_bytes(b"%PDF-1.4 old")
    monkeypatch.setattr(stamps, "SETTLE", 0.0)
    first = folder_stamp(tmp_path)
    assert folder_stamp(tmp_path) == first and reads == []
    target.write_bytes(b"%PDF-1.4 new, longer")
    assert folder_stamp(tmp_path) != first  # size and times changed


def test_added_and_removed_files_change_the_stamp_hidden_ones_do_not(tmp_path: Path) -> None:
    (tmp_path / "profile.yaml").write_text("x: 1\n", encoding="utf-8")
    first = folder_stamp(tmp_path)
    (tmp_path / ".cchc-web-stage").mkdir()
    (tmp_path / ".cchc-web-stage" / "profile.yaml").write_text("x: 2\n", encoding="utf-8")
    assert folder_stamp(tmp_path) == first
    (tmp_path / "minh-chung").mkdir()
    (tmp_path / "minh-chung" / "a.pdf").write_bytes(b"a")
    second = folder_stamp(tmp_path)
    assert second != first
    (tmp_path / "minh-chung" / "a.pdf").unlink()
    assert folder_stamp(tmp_path) == first


@settings(max_examples=40, deadline=None)
@given(contents=st.lists(st.binary(max_size=64), min_size=1, max_size=6))
def test_a_remembered_hash_is_always_the_hash_of_the_bytes_now(
    tmp_path_factory: pytest.TempPathFactory, contents: list[bytes]
) -> None:
    """Whatever is written in between (same size or not, settled or not), the hash given is
    the sha256 of the file's bytes at that moment."""
    folder = tmp_path_factory.mktemp("h")
    target = folder / "f.bin"
    for i, data in enumerate(contents):
        target.write_bytes(data)
        if i % 2:
            _age(target, 10)  # an old modification time (the change time stays now)
        assert file_sha256(target) == hashlib.sha256(data).hexdigest()
        assert file_sha256(target) == hashlib.sha256(data).hexdigest()


def test_bundle_files_hash_settled_files_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reads: list[Path]
) -> None:
    target = tmp_path / "a.pdf"
    target.write_bytes(b"x" * 1000)
    monkeypatch.setattr(stamps, "SETTLE", 0.0)  # settled at once (its change time is now)
    expected = hashlib.sha256(b"x" * 1000).hexdigest()
    assert bundle_files(tmp_path) == {"a.pdf": expected} and reads == [target]
    assert bundle_files(tmp_path) == {"a.pdf": expected}
    assert reads == [target]  # the second time from memory


def test_a_kept_framework_is_reloaded_when_a_file_changes(tmp_path: Path) -> None:
    folder = tmp_path / "hue-xa-2020"
    shutil.copytree(ROOT / "rules" / "hue-xa-2020", folder)
    first = load_framework_kept(folder)
    assert load_framework_kept(folder) is first  # unchanged: the same object, not loaded again
    meta = folder / "framework.yaml"
    text = meta.read_text(encoding="utf-8")
    assert "title:" in text
    meta.write_text(text.replace("title:", "title: Sửa ·", 1), encoding="utf-8")
    second = load_framework_kept(folder)
    assert second is not first
    assert second.framework.meta.title.startswith("Sửa ·")


def test_a_broken_framework_is_never_kept(tmp_path: Path) -> None:
    folder = tmp_path / "hue-xa-2020"
    shutil.copytree(ROOT / "rules" / "hue-xa-2020", folder)
    meta = folder / "framework.yaml"
    good = meta.read_text(encoding="utf-8")
    meta.write_text(good + "\n: [\n", encoding="utf-8")
    with pytest.raises(RuleError):
        load_framework_kept(folder)
    with pytest.raises(RuleError):
        load_framework_kept(folder)
    meta.write_text(good, encoding="utf-8")
    assert load_framework_kept(folder).framework.meta.id
