"""Bad inputs on the surfaces added since the first trust work (issue 18): every writing
option onto an input, control characters written as YAML escapes, hostile tables and
workbooks, another program's database, layers that do not exist, ports out of range.

The workspace (`test_trust_surfaces.workspace`) adds to the bad-input suite's: `rd/` (a rules
folder holding hue-xa-2020), `p/qa/` (a province of one bundle), `ws.xlsx` (the working
workbook of `b/`, written by `score`), `k.db` (a results store of `p/`), `t.csv` (a framework
table). The ops are those of `hostile_cases.py`, plus ("bomb", path, member), ("encrypted",
path), ("rename", path, to), ("sqlite", path) and ("cell", workbook, "J7", value).
"""

from __future__ import annotations

from typing import Any

from hostile_cases import Case, _c

GATE = "dữ liệu đầu vào"
SCORE_B = ("score", "b", "--rules", "r")
BATCH_P = ("batch", "p", "--rules-dir", "rd", "-j", "1", "-q")
IMPORT = ("appraise", "import")


def _gate() -> list[Case]:
    """Every writing option onto an input of its command (a file, a file inside an input
    folder, a new file inside one, the database, a link to an input, a FIFO)."""
    runs: list[tuple[str, tuple[str, ...], str, list[tuple[str, list[tuple[Any, ...]], str]]]] = [
        ("score", SCORE_B, "-o", [
            ("documents", [], "b/documents.csv"), ("profile", [], "b/profile.yaml"),
            ("new-in-bundle", [], "b/ket-qua.md"), ("framework", [], "r/framework.yaml"),
            ("new-in-rules", [], "r/ket-qua.md"), ("link", [("symlink", "lk", "b/documents.csv")], "lk"),
            ("fifo", [("fifo", "ong")], "ong"),
        ]),
        ("validate", ("validate", "r"), "-o", [
            ("framework", [], "r/framework.yaml"), ("new-in-rules", [], "r/bao-cao.txt"),
            ("link", [("symlink", "lk", "r/framework.yaml")], "lk"), ("fifo", [("fifo", "ong")], "ong"),
        ]),
        ("batch", BATCH_P, "-o", [
            ("bundle-file", [], "p/qa/documents.csv"), ("new-in-province", [], "p/xep-hang.csv"),
            ("rules", [], "rd/hue-xa-2020/framework.yaml"), ("new-in-rules", [], "rd/xep-hang.csv"),
        ]),
        ("batch-db", (*BATCH_P, "--db", "k.db"), "-o", [
            ("database", [], "k.db"), ("database-wal", [], "k.db-wal"),
        ]),
        ("batch", BATCH_P, "--db", [
            ("in-bundle", [], "p/qa/k.db"), ("bundle-file", [], "p/qa/documents.csv"),
            ("in-rules", [], "rd/k.db"), ("fifo", [("fifo", "ong")], "ong"),
        ]),
        ("ranking", ("results", "ranking", "--db", "k.db"), "-o", [
            ("database", [], "k.db"), ("database-shm", [], "k.db-shm"),
            ("link", [("symlink", "lk", "k.db")], "lk"), ("fifo", [("fifo", "ong")], "ong"),
        ]),
        ("diff", ("diff", "b@self", "b@final", "--rules-dir", "rd"), "-o", [
            ("bundle-file", [], "b/documents.csv"), ("new-in-bundle", [], "b/khac.md"),
            ("new-in-rules", [], "rd/hue-xa-2020/khac.md"), ("fifo", [("fifo", "ong")], "ong"),
        ]),
        ("extract", ("extract", "report.txt", "--force"), "-o", [
            ("report", [], "report.txt"), ("holding-the-report", [], "."),
            ("link-to-holder", [("symlink", "lk", ".")], "lk"),
        ]),
        ("verify", ("verify", "b"), "-o", [
            ("documents", [], "b/documents.csv"), ("new-in-bundle", [], "b/doi-chieu.md"),
            ("fifo", [("fifo", "ong")], "ong"),
        ]),
        ("verify-folder", ("verify", "p", "-j", "1"), "-o", [
            ("bundle-file", [], "p/qa/documents.csv"), ("new-in-province", [], "p/doi-chieu.md"),
            ("link", [("symlink", "lk", "p/qa/profile.yaml")], "lk"),
        ]),
        ("import", ("import-framework", "t.csv", "--force"), "-o", [
            ("table", [], "t.csv"), ("holding-the-table", [], "."),
            ("link-to-holder", [("symlink", "lk", ".")], "lk"),
        ]),
    ]  # fmt: skip
    cases = []
    for name, args, flag, targets in runs:
        for what, ops, target in targets:
            says = "" if what == "fifo" else target.rsplit("/", 1)[-1].lstrip(".") or "."
            cases.append(
                _c(f"gate-{name}-{flag.strip('-')}-{what}", ops, (*args, flag, target), 2, says)
            )
    return cases


ESCAPES = ["\\\\e", "\\\\x1b", "\\\\u0007", "\\\\x9b", "\\\\u202e", "\\\\0", "\\\\b"]
YAML_FILES = [
    ("profile", "b/profile.yaml", SCORE_B, 4),
    ("statistics", "b/statistics.yaml", SCORE_B, 4),
    ("declarations", "b/declarations.yaml", SCORE_B, 4),
    ("appraisal", "b/appraisal.yaml", SCORE_B, 4),
    ("framework", "r/framework.yaml", ("validate", "r"), 3),
    ("area", "r/1-chi-dao-dieu-hanh.yaml", ("validate", "r"), 3),
    ("cases", "r/1-chi-dao-dieu-hanh.cases.yaml", ("validate", "r"), 3),
]


def _escapes() -> list[Case]:
    """A control character written as a YAML escape in a double-quoted string: refused at
    load, located, in every data file."""
    cases = []
    for name, path, args, code in YAML_FILES:
        for escape in ESCAPES:
            label = escape.strip("\\").replace("\\", "")
            text = f'"Kế hoạch {escape.replace(chr(92) * 2, chr(92))} năm"'
            # a cases file is a list of cases; the others are mappings
            line = f"\n- name: {text}\n" if name == "cases" else f"\nghi_chu_them: {text}\n"
            cases.append(
                _c(
                    f"ctrl-{name}-{label}",
                    [("append", path, line)],
                    args,
                    code,
                    "ký tự điều khiển",
                    rf"{path.rsplit('/', 1)[-1]}:\d+:\d+",
                )
            )
    return cases


IMPORT_TO = ("-o", "ra")


def _tables() -> list[Case]:
    """Tables for import-framework that must be refused quickly, and say why."""
    head = "STT;Tiêu chí;Điểm tối đa\n"
    return [
        _c("table-long-cell", [("write", "t2.csv", head + "1;" + "x" * 200_000 + ";1\n")],
           ("import-framework", "t2.csv", *IMPORT_TO), 4, "quá dài"),
        _c("table-raw-escape", [("write", "t2.csv", head + "1;Kế hoạch\x1b[2J;1\n")],
           ("import-framework", "t2.csv", *IMPORT_TO), 4, "ký tự điều khiển"),
        _c("table-xlsx-bomb", [("bomb", "t2.xlsx", "xl/worksheets/sheet1.xml")],
           ("import-framework", "t2.xlsx", *IMPORT_TO), 4, "giải nén quá lớn", fast=True),
        _c("table-docx-bomb", [("bomb", "t2.docx", "word/document.xml")],
           ("import-framework", "t2.docx", *IMPORT_TO), 4, "giải nén quá lớn", fast=True),
        _c("table-xlsx-password", [("encrypted", "t2.xlsx")],
           ("import-framework", "t2.xlsx", *IMPORT_TO), 4, "mật khẩu", fast=True),
        _c("table-docx-password", [("encrypted", "t2.docx")],
           ("import-framework", "t2.docx", *IMPORT_TO), 4, "mật khẩu", fast=True),
        _c("table-fifo", [("fifo", "t2.csv")],
           ("import-framework", "t2.csv", *IMPORT_TO), 4, "không phải tệp thường"),
        _c("table-text-as-xlsx", [("write", "t2.xlsx", "STT,Tiêu chí\n")],
           ("import-framework", "t2.xlsx", *IMPORT_TO), 4, ".xlsx"),
        _c("table-utf16-no-bom", [("write", "t2.csv", head.encode("utf-16-le"))],
           ("import-framework", "t2.csv", *IMPORT_TO), 4, "UTF-16"),
        _c("table-windows-1258", [("write", "t2.csv", "STT;Tiêu chí;Điêm\n".encode("cp1258"))],
           ("import-framework", "t2.csv", *IMPORT_TO), 4, "không phải UTF-8"),
        _c("table-broken-zip", [("write", "t2.docx", b"PK\x03\x04" + b"\0" * 100)],
           ("import-framework", "t2.docx", *IMPORT_TO), 4, "hỏng"),
    ]  # fmt: skip


def _workbooks() -> list[Case]:
    """Workbooks for appraise import: hostile, protected, stale, or with a bad cell."""
    run = (*IMPORT, "w2.xlsx", "b", "--rules-dir", "rd")
    return [
        _c("appraise-bomb", [("bomb", "w2.xlsx", "xl/worksheets/sheet1.xml")], run, 4,
           "giải nén quá lớn", fast=True),
        _c("appraise-password", [("encrypted", "w2.xlsx")], run, 4, "mật khẩu", fast=True),
        _c("appraise-fifo", [("fifo", "w2.xlsx")], run, 4, "không phải tệp thường"),
        _c("appraise-text", [("write", "w2.xlsx", "không phải bảng tính")], run, 4,
           "không đọc được bảng tính"),
        _c("appraise-stale", [("append", "b/documents.csv", "\n")],
           (*IMPORT, "ws.xlsx", "b", "--rules-dir", "rd"), 4, "trạng thái cũ", r"_meta!B\d+"),
        _c("appraise-odd-digit", [("cell", "ws.xlsx", "I4", "²")],
           (*IMPORT, "ws.xlsx", "b", "--rules-dir", "rd"), 4, "I4"),
        _c("appraise-link-out",
           [("rename", "b/appraisal.yaml", "ngoai.yaml"), ("symlink", "b/appraisal.yaml", "../ngoai.yaml")],
           (*IMPORT, "ws.xlsx", "b", "--rules-dir", "rd"), 2, "liên kết tượng trưng"),
    ]  # fmt: skip


def _surveys() -> list[Case]:
    """Survey workbooks for `survey import`: through the same reader gate as the others."""
    run = (
        "survey",
        "import",
        "s2.xlsx",
        "p",
        "--rules-dir",
        "rd",
        "--by",
        "Sở Nội vụ",
        "--date",
        "01/12/2020",
    )
    return [
        _c("survey-bomb", [("bomb", "s2.xlsx", "xl/worksheets/sheet1.xml")], run, 4,
           "giải nén quá lớn", fast=True),
        _c("survey-password", [("encrypted", "s2.xlsx")], run, 4, "mật khẩu", fast=True),
        _c("survey-fifo", [("fifo", "s2.xlsx")], run, 4, "không phải tệp thường"),
        _c("survey-text", [("write", "s2.xlsx", "không phải bảng tính")], run, 4,
           "không đọc được bảng tính"),
    ]  # fmt: skip


def _stores() -> list[Case]:
    foreign = [("sqlite", "khac.db")]
    return [
        _c("store-foreign-ranking", foreign, ("results", "ranking", "--db", "khac.db"), 4,
           "không phải cơ sở dữ liệu kết quả của cchc-index"),
        _c("store-foreign-history", foreign, ("results", "history", "Quảng An", "--db", "khac.db"),
           4, "không phải cơ sở dữ liệu kết quả"),
        _c("store-foreign-items", foreign, ("results", "items", "--db", "khac.db"), 4,
           "không phải cơ sở dữ liệu kết quả"),
        _c("store-foreign-versioned", [("sqlite", "khac.db", 7)], (*BATCH_P, "--db", "khac.db"),
           4, "không phải cơ sở dữ liệu kết quả"),
        _c("store-foreign-batch", foreign, (*BATCH_P, "--db", "khac.db"), 4,
           "không phải cơ sở dữ liệu kết quả"),
        _c("store-text-file", [], ("results", "ranking", "--db", "report.txt"), 4,
           "không mở được cơ sở dữ liệu"),
        _c("store-rules-dir-missing", [], ("batch", "p", "--rules-dir", "khong-co", "-q"), 3,
           "--rules-dir"),
    ]  # fmt: skip


def _usage() -> list[Case]:
    return [
        _c("diff-no-such-layer", [], ("diff", "b@9", "b", "--rules-dir", "rd"), 2, "@self, @1"),
        _c("diff-layer-of-framework", [], ("diff", "r@self", "r"), 2, "không có lớp điểm"),
        _c("diff-bundle-and-framework", [], ("diff", "b", "r", "--rules-dir", "rd"), 2,
           "cùng loại"),
        _c("serve-port-out-of-range", [], ("serve", "b", "--port", "70000", "--no-browser"), 2,
           "70000"),
        _c("serve-port-not-a-number", [], ("serve", "b", "--port", "http", "--no-browser"), 2,
           "http"),
        # `verify FOLDER`: a folder with no bundle; a province whose only bundle does not load
        _c("verify-folder-without-bundle", [("mkdir", "trong")], ("verify", "trong"), 4,
           "không chứa bộ minh chứng"),
        _c("verify-folder-broken-bundle", [("write", "p/qa/profile.yaml", "name: [\n")],
           ("verify", "p", "-j", "1"), 7, "profile.yaml"),
    ]  # fmt: skip


TRUST_CASES = [
    *_gate(),
    *_escapes(),
    *_tables(),
    *_workbooks(),
    *_surveys(),
    *_stores(),
    *_usage(),
]
