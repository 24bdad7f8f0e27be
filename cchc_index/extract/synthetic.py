"""A generated report of any length, for timing `extract` (prose, citations, figures)."""

from __future__ import annotations

FILLER = (
    "Công tác cải cách hành chính tiếp tục được cấp ủy, chính quyền quan tâm chỉ đạo, "
    "triển khai đồng bộ trên các lĩnh vực; chất lượng đội ngũ cán bộ, công chức từng bước "
    "được nâng lên, đáp ứng yêu cầu nhiệm vụ trong tình hình mới."
)


def page(p: int) -> list[str]:
    """About 3,300 characters: prose, ten citations in several forms, one-stop figures."""
    day, month = p % 28 + 1, p % 12 + 1
    lines = [f"{p}. Kết quả thực hiện nhiệm vụ tháng {month}", ""]
    for i in range(4):
        n = p * 10 + i
        lines += [
            f"- UBND xã đã ban hành Kế hoạch số {n}/KH-UBND ngày {day}/{month}/2020 về triển "
            f"khai nhiệm vụ {i} năm 2020; Quyết định số {n}/QĐ-UBND ngày {day} tháng {month} "
            f"năm 2020 của UBND tỉnh về việc ban hành quy chế phối hợp.",
            "",
            FILLER,
            "",
        ]
    lines += [
        f"Trong tháng, số hồ sơ tiếp nhận: {1000 + p} hồ sơ; hồ sơ giải quyết đúng hạn: "
        f"{900 + p} hồ sơ; hồ sơ trễ hạn: {p % 5} hồ sơ; đã đăng {p} tin, bài về CCHC.",
        "",
        f"Thực hiện Nghị định số {p}/2018/NĐ-CP của Chính phủ và Công văn số {p}/UBND-VP "
        f"ngày {day}/{month}/2020 V/v tăng cường kỷ luật, kỷ cương hành chính.",
        "",
        FILLER + " " + FILLER,
        "",
    ]
    return lines


def pages(count: int = 200) -> list[list[str]]:
    """`count` pages, each a list of lines."""
    return [page(p) for p in range(1, count + 1)]


def two_hundred_pages() -> str:
    """The text of a 200-page report (about 660 KB)."""
    return "\n".join(line for p in pages(200) for line in p)
