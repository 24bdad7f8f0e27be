"""The real server scores from its thread pool: many requests at once, one engine at a time."""

from __future__ import annotations

import re
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.web.helpers import BUNDLE, served_copy
from tests.web.live import live_server


@pytest.mark.slow
def test_concurrent_pages_all_get_the_same_score(tmp_path: Path) -> None:
    served = served_copy(tmp_path, without_plan=False)

    def total(url: str) -> str:
        with urllib.request.urlopen(url, timeout=30) as answer:
            page = answer.read().decode("utf-8")
        found = re.search(r'data-total="([^"]+)"', page)
        assert found
        return found.group(1)

    with live_server(served) as site, ThreadPoolExecutor(6) as pool:
        urls = [f"{site}/u/{BUNDLE}/", f"{site}/u/{BUNDLE}/r/documents"] * 12
        totals = list(pool.map(total, urls))
    assert set(totals) == {"2.00"}
