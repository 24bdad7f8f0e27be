"""Forms of report language found on the seventh never-tuned set after its first measurement
(which made it a seen set), written as new synthetic sentences (none taken from a stored
report), with numbers hypothesis draws; a figure written is right or absent:

1. A city's report in blocks: "- Đối với thành phố: …" then "- Đối với xã phường: …" (the
   communes' and wards' block is another level, to the next heading).
2. "Hồ sơ trực tuyến (một phần, toàn trình): N": online records of both kinds.
3. The records in progress and their parts as list items with blank lines between.
4. "trước/đúng hạn": early and on time, combined.
5. "đã tiếp nhận A hồ sơ thủ tục hành chính và giải quyết B hồ sơ": received A, resolved B.
6. "A hồ sơ và dịch vụ công một phần là B hồ sơ": the words after A are B's label.
7. "N hồ sơ của các tổ chức, cá nhân yêu cầu giải quyết. Trong đó: … trực tuyến, … kỳ trước
   chuyển qua, … mới tiếp nhận (trực tiếp và bưu chính)": N received, the total those parts add
   up to.
8. A title line with no full stop, a blank line, then a paragraph opening on a bracket: two
   sentences.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.extract.test_extract_traps import SETTINGS, n, written


@SETTINGS
@given(st.integers(1, 900), st.integers(1, 400), st.integers(0, 300), st.integers(0, 100),
       st.integers(1, 900), st.integers(0, 90))  # fmt: skip
def test_a_citys_report_in_blocks(
    early: int, late: int, open_: int, carried_share: int, ward_new: int, ward_carried: int
) -> None:
    resolved = early + late
    received = resolved + open_
    carried = received * carried_share // 100  # part of the received came from before
    new = received - carried
    text = "\n\n".join([
        "Báo cáo tình hình giải quyết TTHC tháng 8/2024",
        "* Đối với thành phố:",
        f"- Số hồ sơ tiếp nhận: {n(received)} hồ sơ, trong đó:",
        f"+ Hồ sơ tiếp nhận mới: {n(new)} hồ sơ;",
        f"+ Hồ sơ từ kỳ trước chuyển sang: {n(carried)} hồ sơ.",
        f"- Số hồ sơ đã giải quyết: {n(resolved)} hồ sơ, trong đó:",
        f"+ Hồ sơ giải quyết trước và đúng hạn: {n(early)} hồ sơ;",
        f"+ Hồ sơ trễ hạn: {n(late)} hồ sơ.",
        "* Đối với xã phường:",
        f"- Số hồ sơ tiếp nhận: {n(ward_new + ward_carried + 1)} hồ sơ, trong đó:",
        f"+ Hồ sơ tiếp nhận mới: {n(ward_new)} hồ sơ;",
        f"+ Hồ sơ từ kỳ trước chuyển sang: {n(ward_carried + 1)} hồ sơ.",
    ])  # fmt: skip
    got = written(text)
    assert got.get("ho_so_tiep_nhan", received) == received
    assert got.get("ho_so_da_giai_quyet", resolved) == resolved
    assert got.get("ho_so_tre_han", late) == late


@SETTINGS
@given(st.integers(1, 9_000), st.sampled_from(["một phần, toàn trình", "toàn trình, một phần"]))
def test_online_of_both_kinds(online: int, kinds: str) -> None:
    got = written(f"Tháng 8/2024:\n\n- Hồ sơ trực tuyến ({kinds}): {n(online)} hồ sơ, đạt 75%.")
    assert "ho_so_truc_tuyen_toan_trinh" not in got and "ho_so_truc_tuyen_mot_phan" not in got
    assert got.get("ho_so_truc_tuyen", online) == online


@SETTINGS
@given(st.integers(1, 900), st.integers(0, 90))
def test_the_parts_of_the_records_in_progress_across_blank_lines(within: int, over: int) -> None:
    text = "\n\n".join([
        "Tháng 8/2024:",
        f"- Hồ sơ đang giải quyết: {n(within + over)} hồ sơ, trong đó:",
        f"+ Hồ sơ đang giải quyết trong hạn: {n(within)} hồ sơ;",
        f"+ Hồ sơ đang giải quyết quá hạn: {n(over)} hồ sơ.",
    ])  # fmt: skip
    got = written(text)
    assert got.get("ho_so_dang_giai_quyet") == within + over
    assert "ho_so_tre_han" not in got


@SETTINGS
@given(st.integers(1, 90_000), st.integers(0, 900), st.sampled_from(["trước/đúng", "sớm/đúng"]))
def test_early_slash_on_time_is_combined(early: int, late: int, words: str) -> None:
    text = (
        f"Năm 2024, số lượng hồ sơ đã giải quyết là {n(early + late)} ({n(early)} hồ sơ giải "
        f"quyết {words} hạn và {n(late)} hồ sơ giải quyết trễ hạn)."
    )
    got = written(text)
    assert "ho_so_dung_han" not in got and "ho_so_truoc_han" not in got
    assert got.get("ho_so_truoc_va_dung_han", early) == early


@SETTINGS
@given(st.integers(100, 90_000), st.integers(100, 90_000))
def test_received_and_resolved_in_one_clause(received: int, resolved: int) -> None:
    text = (
        f"Trong năm 2024, Trung tâm đã tiếp nhận {n(received)} hồ sơ thủ tục hành chính và giải "
        f"quyết {n(resolved)} hồ sơ."
    )
    got = written(text)
    assert got.get("ho_so_tiep_nhan", received) == received
    assert got.get("ho_so_da_giai_quyet", resolved) == resolved
    assert "ho_so_da_giai_quyet" in got or resolved > received


@SETTINGS
@given(st.integers(1, 90_000), st.integers(1, 9_000))
def test_the_next_label_after_and(full: int, part: int) -> None:
    text = (
        f"Năm 2024, số hồ sơ được tiếp nhận trực tuyến đạt {n(full + part)}, trong đó dịch vụ công "
        f"toàn trình chiếm {n(full)} hồ sơ và dịch vụ công một phần là {n(part)} hồ sơ."
    )
    got = written(text)
    assert got.get("ho_so_truc_tuyen_toan_trinh", full) == full
    assert got.get("ho_so_truc_tuyen_mot_phan", part) == part


@SETTINGS
@given(st.integers(1, 90_000), st.integers(0, 9_000), st.integers(1, 90_000))
def test_records_filed_by_people_and_their_channels(online: int, carried: int, direct: int) -> None:
    total = online + carried + direct
    text = (
        "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn đạt 99,4%\n\n"
        f"(đoạn 6) Trong 6 tháng đầu năm 2024, toàn tỉnh có {n(total)} hồ sơ của các tổ chức, cá "
        f"nhân yêu cầu giải quyết. Trong đó: {n(online)} hồ sơ tiếp nhận trực tuyến, {n(carried)} "
        f"hồ sơ kỳ trước chuyển qua, {n(direct)} hồ sơ mới tiếp nhận (trực tiếp và bưu chính)."
    )
    got = written(text)
    assert got.get("ho_so_tiep_nhan", total) == total
    assert "ho_so_truoc_va_dung_han" not in got  # the title's words are not the count's
    assert got.get("ho_so_truc_tiep", direct) == direct
    assert got.get("ho_so_tiep_nhan_moi", online + direct) == online + direct


def test_a_total_told_by_carried_and_channels_is_written() -> None:
    text = (
        "Trong 6 tháng đầu năm 2024, toàn tỉnh có 218.763 hồ sơ của các tổ chức, cá nhân yêu cầu "
        "giải quyết. Trong đó: 19.838 hồ sơ tiếp nhận trực tuyến, 8.606 hồ sơ kỳ trước chuyển "
        "qua, 190.319 hồ sơ mới tiếp nhận (trực tiếp và bưu chính)."
    )
    got = written(text)
    assert got.get("ho_so_tiep_nhan") == 218763 and got.get("ho_so_ky_truoc") == 8606
