"""The distribution of each item across the units (the Sở's page): every count is the units
of its share, the table agrees with the ranking's totals, the downloads hold the same rows."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from typing import Any

from openpyxl import load_workbook

from cchc_index.model.spread import SHARES, share_of
from cchc_index.server.deployment import Deployment
from cchc_index.server.gate import GATE_HEADER
from tests.server.conftest import UNITS, app_of, login

HUE = "/items/hue-xa-2020/2020/"


def _site(app: Any) -> Any:
    return app.app.app.state.site  # the Guard around the Gate around the routes


def _rows(page: str, framework: str) -> list[tuple[str, dict[str, int], Decimal]]:
    """(node, share → count, points lost) of one table of the page, in its order."""
    table = page.split(f'data-framework="{framework}"', 1)[1].split("</table>", 1)[0]
    found = []
    for row in re.findall(r'<tr data-node="([^"]+)">(.*?)</tr>', table, re.S):
        node, cells = row
        counts = {
            share: int(re.sub(r"<[^>]+>|\D", "", text.split("<span")[0]) or 0)
            for share, text in re.findall(r'data-share="(\w+)">(.*?)</td>', cells, re.S)
        }
        lost = Decimal(re.search(r'data-lost="([^"]+)"', cells)[1])  # type: ignore[index]
        found.append((node, counts, lost))
    return found


def test_the_table_counts_every_unit_and_agrees_with_the_ranking(
    sqlite_deployment: Deployment,
) -> None:
    app = app_of(sqlite_deployment)
    keeper = login(app, "keeper")
    page = keeper.get("/items")
    assert page.status_code == 200
    ranking = _site(app).cycle.ranking(
        {f.name: f for f in sorted(sqlite_deployment.units_dir.iterdir())}
    )
    assert len(ranking.rows) == UNITS
    hue = [r.score for r in ranking.rows if r.score.framework == "hue-xa-2020"]
    rows = _rows(page.text, "hue-xa-2020")
    assert rows and all(sum(c.values()) == len(hue) for _, c, _ in rows)
    losses = [lost for _, _, lost in rows]
    assert losses == sorted(losses, reverse=True)  # where the province loses most, first
    # the points lost over every item = what the units lack of their maximum (no bonus here)
    assert sum(losses) == sum(s.max_points - s.total for s in hue)


def test_each_count_opens_exactly_those_units(sqlite_deployment: Deployment) -> None:
    app = app_of(sqlite_deployment)
    reviewer = login(app, "reviewer")
    node, counts, _ = _rows(reviewer.get("/items").text, "hue-xa-2020")[0]
    site = _site(app)
    for share in SHARES:
        listed = reviewer.get(f"{HUE}{node}?g={share}")
        assert listed.status_code == 200
        units = re.findall(r'<tr data-unit="([^"]+)">', listed.text)
        assert len(units) == counts[share], share
        for unit_id in units:  # each unit's own result on the item is of that share
            leaf = next(
                r for r in site.cycle.unit(site.folder(unit_id)).final.leaves if r.id == node
            )
            assert share_of(leaf.points, leaf.max_points, leaf.status.value) == share
    every = re.findall(r'<tr data-unit="', reviewer.get(HUE + node).text)
    assert len(every) == sum(counts.values())
    for bad in (HUE + "9.9.9", HUE + node + "?g=nope", "/items/hue-xa-2020/x/" + node):
        answer = reviewer.get(bad)
        assert answer.status_code == 404 and answer.headers.get(GATE_HEADER) is None


def test_the_downloads_hold_the_pages_rows(sqlite_deployment: Deployment) -> None:
    keeper = login(app_of(sqlite_deployment), "keeper")
    shown = _rows(keeper.get("/items").text, "hue-xa-2020")
    answer = keeper.get("/items/download/csv")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv")
    table = [r for r in csv.DictReader(io.StringIO(answer.text)) if r["framework"] == "hue-xa-2020"]
    assert [(r["node"], Decimal(r["points_lost"])) for r in table] == [
        (node, lost) for node, _, lost in shown
    ]
    assert all(
        int(r[share]) == c[share]
        for r, (_, c, _) in zip(table, shown, strict=True)
        for share in SHARES
    )
    workbook = load_workbook(io.BytesIO(keeper.get("/items/download/xlsx").content))
    sheets = [ws for ws in workbook.worksheets if "hue-xa-2020" in str(ws["A1"].value)]
    assert len(sheets) == 1
    nodes = [row[0] for row in sheets[0].iter_rows(min_row=3, values_only=True)]
    assert nodes == [node for node, _, _ in shown]
    assert keeper.get("/items/download/pdf").status_code == 404


def test_an_officer_and_an_admin_cannot_open_it(sqlite_deployment: Deployment) -> None:
    app = app_of(sqlite_deployment)
    for role in ("officer", "admin"):
        client = login(app, role)
        for path in ("/items", "/items/download/csv", HUE + "1.1.1"):
            assert client.get(path).status_code == 403, (role, path)
