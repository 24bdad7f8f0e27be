"""The unit page's way up to the next band: the plan of `plan --to next`, each action with a
link to the form that supplies it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cchc_index.web.plan_view import next_band
from cchc_index.web.scores import Scores
from tests.web.helpers import BUNDLE, RULES, client, served_copy


def test_next_band_links_each_action_to_its_form(tmp_path: Path) -> None:
    served = served_copy(tmp_path, without_plan=False)
    unit = Scores(RULES).unit(served / BUNDLE)
    view = next_band(BUNDLE, unit, dt.date(2020, 10, 1))
    assert view is not None and view.band == "Trung bình" and view.plan is not None
    assert view.plan.reaches and len(view.steps) == len(view.plan.steps)
    urls = {s.url for s in view.steps}
    assert f"/u/{BUNDLE}/r/photos?for=3.2.2#add" in urls  # one photo for 3.2.2 and 3.2.3
    assert all(u.startswith(f"/u/{BUNDLE}/r/") for u in urls)


def test_the_unit_page_says_what_the_next_band_takes(tmp_path: Path) -> None:
    served = served_copy(tmp_path, without_plan=False)
    page = client(served).get(f"/u/{BUNDLE}/").text
    assert 'id="plan-title"' in page and "Để lên mức" in page
