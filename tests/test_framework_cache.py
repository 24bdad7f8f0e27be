"""The framework cache of `score` and `check` (load/framework_cache.py): it may only ever skip
work, never change what a framework folder loads to."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_index.errors import RuleError
from cchc_index.i18n import set_lang
from cchc_index.load import framework_cache
from cchc_index.load.framework_cache import (
    LIMIT,
    cache_folder,
    framework_key,
    load_framework_cached,
)
from cchc_index.load.rules import load_framework

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules" / "hue-xa-2020"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("CCHC_NO_CACHE", raising=False)
    return tmp_path / "xdg" / "cchc-index" / "frameworks"


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    folder = tmp_path / "rules" / "hue-xa-2020"
    shutil.copytree(RULES, folder)
    return folder


def entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("*.pickle")) if cache.is_dir() else []


def test_a_second_load_comes_from_the_cache_and_equals_a_plain_load(
    cache: Path, rules: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_framework_cached(rules)
    assert cache_folder() == cache and len(entries(cache)) == 1

    def no_load(_folder: Path) -> None:
        raise AssertionError("loaded again instead of read from the cache")

    monkeypatch.setattr(framework_cache, "load_framework", no_load)
    second = load_framework_cached(rules)
    monkeypatch.undo()
    assert second == first == load_framework(rules)
    assert list(second.framework.units()) == list(load_framework(rules).framework.units())


def test_an_edited_rule_file_is_loaded_again(cache: Path, rules: Path) -> None:
    before = load_framework_cached(rules)
    meta = rules / "framework.yaml"
    meta.write_text(
        meta.read_text(encoding="utf-8").replace("title: Bộ tiêu chí", "title: Bộ chỉ số sửa", 1),
        encoding="utf-8",
    )
    after = load_framework_cached(rules)
    assert after.framework.meta.title.startswith("Bộ chỉ số sửa")
    assert after == load_framework(rules) and after != before
    assert len(entries(cache)) == 2


def test_a_new_file_in_the_folder_changes_the_key(cache: Path, rules: Path) -> None:
    key = framework_key(rules)
    (rules / "ghi-chu.md").write_text("ghi chú", encoding="utf-8")
    assert framework_key(rules) != key
    (rules / "bang.csv").write_text("a,b\n", encoding="utf-8")  # a stray table is an error
    with pytest.raises(RuleError):
        load_framework_cached(rules)


def test_the_language_and_the_working_folder_are_part_of_the_key(
    cache: Path, rules: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vi = framework_key(rules)
    set_lang("en")
    assert framework_key(rules) != vi
    set_lang("vi")
    monkeypatch.chdir(rules.parent)  # the paths in messages are shown relative to it
    assert framework_key(rules) != vi


@pytest.mark.parametrize(
    "garbage",
    [b"", b"not a pickle", pickle.dumps({"framework": "x"}), pickle.dumps(42)[:-3]],
    ids=["empty", "text", "another-object", "truncated"],
)
def test_a_corrupt_entry_is_loaded_again_and_replaced(
    cache: Path, rules: Path, garbage: bytes
) -> None:
    expected = load_framework_cached(rules)
    (entry,) = entries(cache)
    entry.write_bytes(garbage)
    assert load_framework_cached(rules) == expected
    assert pickle.loads(entry.read_bytes()) == expected


def test_an_entry_of_another_folder_is_not_used(cache: Path, rules: Path) -> None:
    load_framework_cached(rules)
    (entry,) = entries(cache)
    other = load_framework(ROOT / "rules" / "ca-mau-2013")
    entry.write_bytes(pickle.dumps(other))
    assert load_framework_cached(rules) == load_framework(rules)


def test_an_invalid_framework_is_never_stored(cache: Path, rules: Path) -> None:
    (rules / "1-chi-dao-dieu-hanh.yaml").write_text("id: [", encoding="utf-8")
    with pytest.raises(RuleError):
        load_framework_cached(rules)
    assert entries(cache) == []


def test_a_cache_that_cannot_be_written_only_costs_time(
    tmp_path: Path, rules: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file where the folder should be
    assert load_framework_cached(rules) == load_framework(rules)


def test_no_cache_when_turned_off(
    cache: Path, rules: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CCHC_NO_CACHE", "1")
    assert load_framework_cached(rules) == load_framework(rules)
    assert entries(cache) == []


def test_the_cache_keeps_at_most_limit_entries(cache: Path, rules: Path) -> None:
    cache.mkdir(parents=True)
    for i in range(LIMIT + 5):
        old = cache / f"{i:064x}.pickle"
        old.write_bytes(b"old")
        os.utime(old, ns=(i, i))  # older than anything written now
    load_framework_cached(rules)
    kept = entries(cache)
    assert len(kept) == LIMIT and cache / f"{framework_key(rules)}.pickle" in kept
    assert cache / f"{0:064x}.pickle" not in kept


def test_a_hit_counts_as_a_use_for_the_bound(cache: Path, rules: Path) -> None:
    load_framework_cached(rules)
    (entry,) = entries(cache)
    os.utime(entry, ns=(0, 0))
    load_framework_cached(rules)
    assert entry.stat().st_mtime_ns > 0


def test_no_home_folder_only_costs_time(rules: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def homeless() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(Path, "home", homeless)
    assert load_framework_cached(rules) == load_framework(rules)


@settings(max_examples=15)
@given(title=st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40))
def test_whatever_the_edit_the_cache_loads_what_a_plain_load_does(title: str) -> None:
    """Law: for any content of the folder, a load through the cache (hit or miss) equals a
    plain load, or both fail with the same problems."""
    import tempfile

    before = os.environ.get("XDG_CACHE_HOME")  # the session's private folder (conftest)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "rules" / "hue-xa-2020"
        shutil.copytree(RULES, folder)
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "xdg")
        try:
            meta = folder / "framework.yaml"
            text = meta.read_text(encoding="utf-8")
            load_framework_cached(folder)  # the entry of the original content
            meta.write_text(text.replace("title: Bộ tiêu chí", f"title: {title!r}", 1), "utf-8")
            outcomes = []
            for load in (load_framework_cached, load_framework_cached, load_framework):
                try:
                    outcomes.append(load(folder))
                except RuleError as exc:
                    outcomes.append(exc.lines())
            assert outcomes[0] == outcomes[1] == outcomes[2]
        finally:
            if before is None:
                os.environ.pop("XDG_CACHE_HOME", None)
            else:
                os.environ["XDG_CACHE_HOME"] = before
