"""Deterministic hypothesis settings for CI, and shared paths."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from cchc_index.i18n import set_lang

ROOT = Path(__file__).resolve().parent.parent
settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _vietnamese_first() -> Iterator[None]:
    """Each test starts in Vietnamese: a command run with --lang en sets the language of the
    context it runs in, which a CliRunner shares with the test."""
    set_lang("vi")
    yield
    set_lang("vi")


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """`score` and `check` keep loaded frameworks in $XDG_CACHE_HOME (load/framework_cache.py):
    the tests, and the commands they start, use a folder of their own, never the user's."""
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before
