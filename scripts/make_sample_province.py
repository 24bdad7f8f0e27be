"""Make the synthetic sample province `evidence/tinh-mau/` from the real Quảng An bundle.

    .venv/bin/python scripts/make_sample_province.py    # rewrites evidence/tinh-mau/ (deterministic)

Every unit is MADE UP: its profile says `synthetic: true` and names this script. Each of the
24 communes starts from `evidence/quang-an-2020` (the documents, links, photos and
declarations Quảng An's report 385/BC-UBND gives) with the name Quảng An replaced, then gets
variations drawn from a fixed seed, so the province has a real spread of totals:

- documents missing: the annual CCHC plan (452/KH-UBND, item 1.1.1) or the one-stop report
  (474/BC-UBND, 3.3.1) dropped;
- documents and photos added that Quảng An's report lacks: the annual CCHC report (1.1.2),
  photos of the notice board (3.2.2, 3.2.3) and of the progress posts (3.2.4), for some units;
- documents late: the annual plan dated in January of the assessment year (after its
  31/12 deadline: half points);
- figures changed: news items this year and last (1.4.2 growth), tasks planned and done
  (1.1.2), progress posts (3.2.4), late files and apology letters (3.5.4);
- figures supplied that Quảng An's report lacks: files settled early / on time (3.5.2),
  procedures on the one-stop software (3.3.1, 3.4.2), digitised files (3.5.5), accounts
  (3.5.6), the e-government score (7.1.1), each for some units only, some meeting the
  requirement and some not.

- appraisal rounds (`appraisal.yaml`, as made up as the rest) for four units: round 1 only
  for two of them, round 1 and round 2 with the unit's explanation for the other two, so
  `batch` ranks them on their final layer.

Every sample is valid (the broken-bundle cases live in the tests, not here).
"""

from __future__ import annotations

import csv
import io
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "evidence" / "quang-an-2020"
TARGET = ROOT / "evidence" / "tinh-mau"
NAMES = [
    ("an-hoa", "An Hòa"), ("binh-minh", "Bình Minh"), ("cat-tien", "Cát Tiên"),
    ("dong-lam", "Đông Lâm"), ("gia-lac", "Gia Lạc"), ("ha-thanh", "Hà Thanh"),
    ("hoa-my", "Hòa Mỹ"), ("khanh-an", "Khánh An"), ("lac-son", "Lạc Sơn"),
    ("long-phu", "Long Phú"), ("my-loc", "Mỹ Lộc"), ("nam-thuan", "Nam Thuận"),
    ("ngoc-son", "Ngọc Sơn"), ("phong-dien", "Phong Điền"), ("phu-xuan", "Phú Xuân"),
    ("quang-tho", "Quảng Thọ"), ("son-tra", "Sơn Trà"), ("tan-lap", "Tân Lập"),
    ("thanh-binh", "Thanh Bình"), ("thuan-an", "Thuận An"), ("tien-phong", "Tiền Phong"),
    ("trung-hoa", "Trung Hòa"), ("vinh-thai", "Vĩnh Thái"), ("xuan-loc", "Xuân Lộc"),
]  # fmt: skip
NOTE = (
    "Đơn vị TỔNG HỢP (không có thật), dựng từ bộ minh chứng xã Quảng An bởi "
    "scripts/make_sample_province.py với các biến thể ghi trong tệp đó."
)


def _documents(rnd: random.Random, name: str) -> tuple[str, list[str]]:
    rows = list(csv.reader(io.StringIO((SOURCE / "documents.csv").read_text(encoding="utf-8"))))
    header, body, notes = rows[0], rows[1:], []
    if rnd.random() < 0.2:
        body = [r for r in body if r[0] != "452/KH-UBND"]
        notes.append("thiếu kế hoạch CCHC năm (452/KH-UBND)")
    elif rnd.random() < 0.3:
        for r in body:
            if r[0] == "452/KH-UBND":
                r[1] = f"{rnd.randint(5, 25):02d}/01/2020"
        notes.append("kế hoạch CCHC năm ban hành trễ hạn")
    if rnd.random() < 0.25:
        body = [r for r in body if r[0] != "474/BC-UBND"]
        notes.append("thiếu báo cáo kiểm soát TTHC (474/BC-UBND)")
    if rnd.random() < 0.5:
        body.append(
            [
                f"{rnd.randint(400, 600)}/BC-UBND",
                f"{rnd.randint(1, 30):02d}/11/2020",
                "BC",
                "",
                "Báo cáo công tác cải cách hành chính năm 2020",
                "",
                "",
                "",
                "",
            ]
        )
        notes.append("có báo cáo CCHC năm (1.1.2)")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for r in body:
        writer.writerow([cell.replace("Quảng An", name) for cell in r[:8]] + ["mẫu tổng hợp"])
    return out.getvalue(), notes


def _statistics(rnd: random.Random) -> str:
    tin_last = rnd.randint(40, 120)
    planned = rnd.randint(4, 8)
    late = rnd.randint(0, 6)
    stats: dict[str, tuple[int, int | None]] = {
        "tin_cchc": (int(tin_last * rnd.uniform(0.8, 1.6)), tin_last),
        "nhiem_vu_ke_hoach": (planned, None),
        "nhiem_vu_hoan_thanh": (rnd.randint(planned - 2, planned), None),
        "tin_cong_khai_tthc": (rnd.randint(20, 90), None),
        "tin_cong_khai_tien_do": (rnd.randint(0, 30), None),
        "ho_so_bcci": (0, None),
        "ho_so_pham_vi_bcci": (0, None),
    }
    received = rnd.randint(800, 3500)
    settled = received - rnd.randint(0, 100)
    stats["ho_so_tiep_nhan"] = (received, None)
    stats["ho_so_tre_han"] = (late, None)
    stats["thu_xin_loi"] = (rnd.randint(max(0, late - 2), late), None)
    if rnd.random() < 0.6:
        early = rnd.randint(0, settled // 2)
        stats["ho_so_da_giai_quyet"] = (settled, None)
        stats["ho_so_truoc_han"] = (early, None)
        stats["ho_so_dung_han"] = (settled - early - late - rnd.randint(0, 30), None)
    if rnd.random() < 0.5:
        total = rnd.randint(90, 130)
        stats["tthc_thuoc_tham_quyen"] = (total, None)
        stats["tthc_tiep_nhan_mot_cua"] = (total - rnd.randint(0, 8), None)
        stats["tthc_thiet_lap_quy_trinh"] = (total, None)
        stats["tthc_quy_trinh_dung_thoi_gian"] = (total - rnd.randint(0, 10), None)
    if rnd.random() < 0.5:
        stats["ho_so_so_hoa"] = (int(received * rnd.uniform(0.3, 1.0)), None)
    if rnd.random() < 0.4:
        people = rnd.randint(300, 2000)
        stats["nguoi_den_giao_dich"] = (people, None)
        stats["tai_khoan_tao_moi"] = (int(people * rnd.uniform(0.1, 0.9)), None)
    if rnd.random() < 0.5:
        stats["diem_cqdt_toi_da"] = (100, None)
        stats["diem_cqdt"] = (rnd.randint(40, 100), None)
    lines = ["# Số liệu TỔNG HỢP (không có thật): scripts/make_sample_province.py"]
    for key, (value, last) in stats.items():
        tail = f", last_year: {last}" if last is not None else ""
        lines.append(f"{key}: {{value: {value}{tail}}}")
    return "\n".join(lines) + "\n"


HEADER = "# Vòng thẩm định TỔNG HỢP (không có thật), dựng bởi scripts/make_sample_province.py.\n"
ROUND_1 = """rounds:
  - round: 1
    reviewer: Hội đồng thẩm định Huyện Mẫu (tổng hợp)
    date: 15/12/2020
    items:
      - {node: "1.1.1", points: "0,25", reason: Kế hoạch chưa có chữ ký số (tổng hợp)}
      - {node: "3.6.1", points: "0", reason: Không có ảnh hòm thư góp ý (tổng hợp)}
"""
ROUND_2 = """  - round: 2
    reviewer: Hội đồng thẩm định Huyện Mẫu (tổng hợp)
    date: 28/12/2020
    items:
      - {node: "1.1.1", points: "0,5", reason: Đã bổ sung file có chữ ký số (tổng hợp)}
explanations:
  - {node: "1.1.1", date: 20/12/2020, text: Đơn vị gửi bổ sung file Kế hoạch có chữ ký số (tổng hợp)}
"""
APPRAISED = {
    "an-hoa": ROUND_1,
    "cat-tien": ROUND_1,
    "khanh-an": ROUND_1 + ROUND_2,
    "my-loc": ROUND_1 + ROUND_2,
}


def make(folder: Path, slug: str, name: str, seed: int) -> None:
    rnd = random.Random(seed)
    folder.mkdir(parents=True)
    documents, notes = _documents(rnd, name)
    note = NOTE + (" Biến thể: " + "; ".join(notes) + "." if notes else "")
    profile = [
        f"name: UBND xã {name}",
        f"aliases: [Ủy ban nhân dân xã {name}, UBND xã, Ủy ban nhân dân xã]",
        "level: xã",
        "province: Tỉnh Mẫu (tổng hợp)",
        "district: Huyện Mẫu",
        "year: 2020",
        "framework: hue-xa-2020",
        "synthetic: true",
        f"note: {note!r}".replace("'", '"'),
    ]
    (folder / "profile.yaml").write_text("\n".join(profile) + "\n", encoding="utf-8")
    (folder / "documents.csv").write_text(documents, encoding="utf-8")
    (folder / "statistics.yaml").write_text(_statistics(rnd), encoding="utf-8")
    photos = (SOURCE / "photos.csv").read_text(encoding="utf-8").replace("Quảng An", name)
    if rnd.random() < 0.5:
        photos += f",Ảnh bảng niêm yết thủ tục hành chính tại Bộ phận TN&TKQ,{rnd.randint(1, 28):02d}/08/2020,,3.2.2; 3.2.3,mẫu tổng hợp\n"
    if rnd.random() < 0.4:
        photos += ",Ảnh công khai tiến độ giải quyết hồ sơ trên Trang TTĐT,,,3.2.4,mẫu tổng hợp\n"
    (folder / "photos.csv").write_text(photos, encoding="utf-8")
    for table in ("links.csv", "declarations.yaml"):
        text = (SOURCE / table).read_text(encoding="utf-8")
        text = text.replace("Quảng An", name).replace("quangan", slug.replace("-", ""))
        (folder / table).write_text(text, encoding="utf-8")
    if slug in APPRAISED:
        (folder / "appraisal.yaml").write_text(HEADER + APPRAISED[slug], encoding="utf-8")


def main() -> None:
    if TARGET.exists():
        shutil.rmtree(TARGET)
    for seed, (slug, name) in enumerate(NAMES, start=1):
        make(TARGET / f"xa-{slug}-2020", slug, name, seed)
    (TARGET / "README.md").write_text(
        "# Tỉnh Mẫu: tỉnh tổng hợp để thử `cchc-index batch`\n\n"
        "24 xã **không có thật**, dựng từ bộ minh chứng xã Quảng An (`../quang-an-2020`) bởi\n"
        "`scripts/make_sample_province.py` (các biến thể ghi ở đầu tệp đó). Mỗi `profile.yaml`\n"
        "ghi `synthetic: true`. Dựng lại: `.venv/bin/python scripts/make_sample_province.py`.\n\n"
        "`province.yaml` chia 24 xã thành hai khối xếp hạng riêng, cũng là tổng hợp:\n"
        "`cchc-index batch evidence/tinh-mau --province evidence/tinh-mau/province.yaml`.\n",
        encoding="utf-8",
    )
    (TARGET / "province.yaml").write_text(PROVINCE, encoding="utf-8")
    (TARGET / "unit-map.yaml").write_text(UNIT_MAP, encoding="utf-8")


# A made-up merger, to follow a unit's history across it (`results history --unit-map`).
UNIT_MAP = (
    "# Sắp xếp đơn vị TỔNG HỢP (không có thật; scripts/make_sample_province.py): hai xã của Tỉnh\n"
    "# Mẫu hợp thành xã An Bình, để thử `results history --unit-map`.\n"
    "note: Minh họa; một bảng thật ghi theo nghị quyết sắp xếp đơn vị hành chính cấp xã.\n"
    "merged:\n"
    "  - into: UBND xã An Bình\n"
    "    from: [UBND xã An Hòa, UBND xã Bình Minh]\n"
    "    date: 01/07/2025\n"
    "    source: minh họa (tổng hợp)\n"
)


# Two blocks, each ranked on its own, with its own bands: made up like the units (a province
# ranks sở, phường and xã/đặc khu apart; these 24 units are all xã, so the split is by area).
_PLAIN = [slug for slug, _ in NAMES[:12]]
_HILLS = [slug for slug, _ in NAMES[12:]]
PROVINCE = (
    "# Tệp của Tỉnh Mẫu (TỔNG HỢP, không có thật; scripts/make_sample_province.py): các khối\n"
    "# xếp hạng riêng. Mức xếp loại của khối miền núi là minh họa.\n"
    "province: Tỉnh Mẫu (tổng hợp)\n"
    "synthetic: true\n"
    "note: Chia khối tổng hợp để thử xếp hạng theo khối; tỉnh thật chia sở, phường, xã/đặc khu.\n"
    "blocks:\n"
    "  - id: xa-dong-bang\n"
    "    title: Xã vùng đồng bằng (tổng hợp)\n"
    f"    units: [{', '.join(f'xa-{s}-2020' for s in _PLAIN)}]\n"
    "  - id: xa-mien-nui\n"
    "    title: Xã vùng miền núi (tổng hợp)\n"
    f"    units: [{', '.join(f'xa-{s}-2020' for s in _HILLS)}]\n"
    "    bands:\n"
    "      - {name: Tốt, min_percent: 85}\n"
    "      - {name: Khá, min_percent: 70}\n"
    "      - {name: Trung bình, min_percent: 50}\n"
    "      - {name: Yếu, min_percent: 0}\n"
)


if __name__ == "__main__":
    main()
