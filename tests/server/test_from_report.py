"""Draft from a report, on the server: the officer uploads the unit's report (the sample the
docs use); each proposal shows its sentence; what only adds is ticked, what differs from the
bundle shows both and is not; what is kept goes through the record forms' save, one audit row
per record, and the unit is scored again. A bundle changed in between, a forged proposal, a
wrong file and a submitted unit are each refused with nothing written."""

from __future__ import annotations

import html
import re
from pathlib import Path

import sqlalchemy as sa
from starlette.testclient import TestClient

from cchc_index.server.deployment import Deployment
from cchc_index.server.schema import audit, units
from cchc_index.web.kinds import KINDS
from cchc_index.web.staging import read
from tests.server.conftest import MINE, ROOT, app_of, csrf_of, login

REPORT = ROOT / "examples" / "bao-cao-385-quang-an-2020.txt"  # the report docs/extract.md reads
PAGE = f"/u/{MINE}/draft"


def _read(client: TestClient, data: bytes = b"", name: str = "bao-cao-385.txt") -> tuple[int, str]:
    answer = client.post(
        PAGE,
        data={"csrf": csrf_of(client, PAGE)},
        files={"report": (name, data or REPORT.read_bytes(), "text/plain")},
    )
    return answer.status_code, answer.text


def _proposals(page: str) -> dict[str, tuple[str, bool | None]]:
    """proposal id → (state, ticked; None when it has no box)."""
    found: dict[str, tuple[str, bool | None]] = {}
    for block in re.findall(r"<fieldset class=\"proposal\"(.*?)</fieldset>", page, re.S):
        pid, state = re.search(r'data-proposal="([^"]+)" data-state="(\w+)"', block).groups()  # type: ignore[union-attr]
        box = re.search(r'name="keep-[^"]+" value="1"( checked)?', block)
        found[pid] = (state, None if box is None else bool(box.group(1)))
    for pid in re.findall(r'<li data-proposal="([^"]+)" data-state="same"', page):
        found[pid] = ("same", None)
    return found


def _block(page: str, label: str) -> str:
    return next(b for b in page.split("<fieldset") if f"<strong>{label}</strong>" in b)


def _stats(folder: Path) -> dict[str, dict[str, str]]:
    return dict(KINDS["statistics"].records(read(folder / "statistics.yaml")))


def _numbers(folder: Path) -> list[str]:
    return [r["number"] for _, r in KINDS["documents"].records(read(folder / "documents.csv"))]


def _audit_rows(deployment: Deployment) -> list[sa.Row[tuple[object, ...]]]:
    with deployment.engine.connect() as conn:
        return list(conn.execute(sa.select(audit).order_by(audit.c.id)))


def test_the_officer_keeps_what_they_tick_and_nothing_else(deployment: Deployment) -> None:
    app = app_of(deployment)
    officer = login(app, "officer")
    folder = deployment.units_dir / MINE
    assert "Điền từ báo cáo" in officer.get(f"/u/{MINE}/").text  # the tab, while a draft
    status, page = _read(officer)
    assert status == 200
    found = _proposals(page)
    # 452/KH-UBND is cited (line 16) and missing from the unit's bundle: new, ticked
    new = [pid for pid, (state, _) in found.items() if state == "new"]
    assert len(new) == 1 and found[new[0]] == ("new", True)
    plan = _block(page, "452/KH-UBND")
    assert "dòng 16" in plan and "ban Kế hoạch số: 452/KH-UBND ngày 04/12/2019" in plan
    # the bundle says 101 news items, the report 218 (line 38): both shown, not ticked
    assert found["s-tin_cchc"] == ("differs", False)
    news = _block(page, "tin_cchc")
    assert ">101<" in news and ">218<" in news and "218 tin, bài" in news
    assert found["s-ho_so_tiep_nhan"] == ("differs", False)
    assert all(state != "differs" or ticked is False for state, ticked in found.values())
    assert found["s-ho_so_tre_han"] == ("same", None)  # as the bundle has it: nothing to do
    # what is not proposed but must be checked, as `extract` lists it
    assert "130/2005/NĐ-CP (dòng 82): báo cáo không ghi ngày ban hành" in page
    assert "452/KH-UBND" not in _numbers(folder)  # nothing written by reading

    before_rows = len(_audit_rows(deployment))
    before_total = _total(officer)
    payload = html.unescape(re.search(r'name="payload" value="([^"]+)"', page)[1])  # type: ignore[index]
    kept = officer.post(
        PAGE + "/save",
        data={
            "csrf": csrf_of(officer, PAGE),
            "payload": payload,
            f"keep-{new[0]}": "1",
            "keep-s-ho_so_tiep_nhan": "1",  # the officer chose the report's figure here
        },
    )
    assert kept.status_code == 303, kept.text
    shown = officer.get(kept.headers["location"]).text
    assert "Đã lưu 2 mục từ báo cáo bao-cao-385.txt" in shown
    assert "452/KH-UBND" in _numbers(folder)
    stats = _stats(folder)
    assert stats["ho_so_tiep_nhan"]["value"] == "2299"
    assert "dòng 102" in stats["ho_so_tiep_nhan"]["source"]
    assert stats["tin_cchc"]["value"] == "101"  # not ticked: never overwritten
    rows = _audit_rows(deployment)[before_rows:]
    assert [r.action for r in rows] == ["record.edit", "record.edit"]
    assert all("bao-cao-385.txt" in r.detail and r.before != r.after for r in rows)
    assert {r.subject.split()[1] for r in rows} == {"documents", "statistics"}
    assert _total(officer) > before_total  # the plan 452/KH-UBND earns its points
    # read again: what was kept is now the bundle's own
    again = _proposals(_read(officer)[1])
    assert again[new[0]] == ("same", None) and again["s-ho_so_tiep_nhan"] == ("same", None)


def _total(client: TestClient) -> float:
    page = client.get(f"/u/{MINE}/").text
    return float(re.search(r'data-total="([^"]+)"', page)[1])  # type: ignore[index]


def test_a_bundle_changed_meanwhile_or_a_forged_proposal_writes_nothing(
    sqlite_deployment: Deployment,
) -> None:
    officer = login(app_of(sqlite_deployment), "officer")
    folder = sqlite_deployment.units_dir / MINE
    page = _read(officer)[1]
    payload = html.unescape(re.search(r'name="payload" value="([^"]+)"', page)[1])  # type: ignore[index]
    # someone saves a figure in another tab after the report was read
    stats = folder / "statistics.yaml"
    text = stats.read_text(encoding="utf-8").replace("thu_xin_loi: {value: 2}", "thu_xin_loi: 3")
    stats.write_text(text, encoding="utf-8")
    written = stats.read_bytes(), (folder / "documents.csv").read_bytes()
    fields = {"csrf": csrf_of(officer, PAGE), "payload": payload, "keep-d2": "1"}
    stale = officer.post(PAGE + "/save", data=fields)
    assert stale.status_code == 409 and "chưa lưu gì" in stale.text
    assert _proposals(stale.text)["s-thu_xin_loi"] == ("same", None)  # compared anew
    assert (stats.read_bytes(), (folder / "documents.csv").read_bytes()) == written
    # the page shown again carries the comparison with the bundle as it is now
    fresh = html.unescape(re.search(r'name="payload" value="([^"]+)"', stale.text)[1])  # type: ignore[index]
    forged = fresh[:-4] + ("AAAA" if not fresh.endswith("AAAA") else "BBBB")
    refused = officer.post(PAGE + "/save", data={**fields, "payload": forged})
    assert refused.status_code == 409 and "tải báo cáo lên lại" in refused.text
    assert (stats.read_bytes(), (folder / "documents.csv").read_bytes()) == written


def test_wrong_files_and_a_submitted_unit_are_refused(sqlite_deployment: Deployment) -> None:
    import json

    config = sqlite_deployment.root / "server.json"
    settings = json.loads(config.read_text(encoding="utf-8"))
    config.write_text(json.dumps({**settings, "max_upload_mb": 1}), encoding="utf-8")
    officer = login(app_of(sqlite_deployment), "officer")
    assert _read(officer, b"MZ\x90\x00", "bao-cao.exe")[0] == 422
    status, page = _read(officer, b"%PDF-1.4 not really", "bao-cao.txt")
    assert status == 422 and "nội dung là" in page  # a .txt whose content is a PDF
    assert _read(officer, b"a" * (2 * 1024 * 1024), "bao-cao.txt")[0] == 413
    csrf = csrf_of(officer, PAGE)
    with sqlite_deployment.engine.begin() as conn:  # submitted (the cycle test submits for real)
        conn.execute(units.update().where(units.c.id == MINE).values(status="submitted"))
    assert officer.get(PAGE).status_code == 409
    answer = officer.post(
        PAGE, data={"csrf": csrf}, files={"report": ("r.txt", REPORT.read_bytes(), "text/plain")}
    )
    assert answer.status_code == 409
    assert officer.post(PAGE + "/save", data={"csrf": csrf}).status_code == 409
