"""The file checks on the province server: a reviewer reads each file's verdict on the unit's
"Đối chiếu tệp" page and beside each file of the appraisal page; an officer only in their unit."""

from __future__ import annotations

from cchc_index.server.deployment import Deployment
from tests.rendering import need
from tests.server.conftest import MINE, app_of, login

SAMPLE = "quang-an-2020"  # the sample unit with files (one deliberately wrong)


def test_a_reviewer_sees_what_each_file_says_beside_it(sqlite_deployment: Deployment) -> None:
    need("tesseract")
    app = app_of(sqlite_deployment)
    reviewer = login(app, "reviewer")
    before = reviewer.get(f"/u/{SAMPLE}/appraise").text
    assert "Đối chiếu các tệp với dòng khai" in before and "tệp ghi: 475" not in before
    checked = reviewer.get(f"/u/{SAMPLE}/verify")
    assert checked.status_code == 200
    assert "số, ký hiệu: khác (tệp ghi: 475/KH-UBND)" in checked.text
    after = reviewer.get(f"/u/{SAMPLE}/appraise").text
    line = after[after.index("tep/472-KH-UBND.pdf</a>") :]
    line = line[: line.index("</li>")]
    assert "số, ký hiệu: khác (tệp ghi: 475/KH-UBND)" in line
    assert "khớp dòng khai" in after  # the files that match say so
    # an officer reads the checks of their own unit only (404: no unit's existence shown)
    officer = login(app, "officer")
    assert officer.get(f"/u/{MINE}/verify").status_code == 200
    assert officer.get(f"/u/{SAMPLE}/verify").status_code == 404
