"""The kinds of record a page edits: which file holds them, their fields, how one changes.

documents, links and photos are rows of CSV tables; statistics are variables of
statistics.yaml; qualitative and not_applicable are the two lists of declarations.yaml.
A record's key is its row or list index as text, or a variable's name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cchc_index.i18n import tr
from cchc_index.web.tables import change_table, parse_table
from cchc_index.web.yamlfiles import (
    change_declaration,
    change_statistic,
    declaration_records,
    plain,
    statistic_record,
)


@dataclass(frozen=True)
class Field:
    name: str
    label: Callable[[], str]
    hint: Callable[[], str] = lambda: ""
    required: bool = False
    widget: str = "text"  # text | textarea | node | result | variable


def _f(name: str, vi: str, en: str, hint: tuple[str, str] = ("", ""), **kw: object) -> Field:
    return Field(name, lambda: tr(vi, en), lambda: tr(*hint), **kw)  # type: ignore[arg-type]


NUMBER = _f(
    "number", "Số ký hiệu", "Number", ("ví dụ 452/KH-UBND", "e.g. 452/KH-UBND"), required=True
)
DATE = _f("date", "Ngày", "Date", ("dd/mm/yyyy, ví dụ 04/12/2019", "dd/mm/yyyy, e.g. 04/12/2019"))
FOR = _f("for", "Dùng cho mục", "For node(s)", ("ví dụ 1.1.1; 3.3.1", "e.g. 1.1.1; 3.3.1"))
NOTE = _f("note", "Ghi chú", "Note", widget="textarea")
FILE = _f(
    "file",
    "Tệp trong bộ minh chứng",
    "File in the bundle",
    (
        "đường dẫn tương đối, ví dụ van-ban/ke-hoach.pdf; hoặc tải tệp lên bên dưới",
        "relative path, e.g. van-ban/plan.pdf; or upload a file below",
    ),
)
SHA = _f(
    "sha256",
    "sha256 của tệp",
    "sha256 of the file",
    ("tự điền khi tải tệp lên", "filled in on upload"),
)
TITLE = _f("title", "Tiêu đề", "Title", required=True)


@dataclass(frozen=True)
class Kind:
    name: str
    file: str
    title: Callable[[], str]
    one: Callable[[], str]  # "a document", for buttons and messages
    fields: tuple[Field, ...]
    upload_dir: str | None = None  # where uploaded evidence files go

    def records(self, text: str | None) -> list[tuple[str, dict[str, str]]]:
        if self.file.endswith(".csv"):
            return [(str(i), r) for i, r in enumerate(parse_table(text, self.name).records())]
        if self.name == "statistics":
            return [
                (name, {"name": name, **statistic_record(raw)}) for name, raw in plain(text).items()
            ]
        return [(str(i), r) for i, r in enumerate(declaration_records(text, self.name))]

    def change(
        self, text: str | None, key: str | None, values: dict[str, str] | None
    ) -> tuple[str, str | None]:
        """New file text and the key the record has afterwards (None once deleted)."""
        if self.name == "statistics":
            values = dict(values) if values is not None else None
            name = values.pop("name") if values is not None else None
            return change_statistic(text, key, name, values), name
        index = int(key) if key is not None else None
        if self.file.endswith(".csv"):
            new, at = change_table(text, self.name, index, values)
        else:
            new, at = change_declaration(text, self.name, index, values)
        return new, None if at is None else str(at)


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind(
            "documents",
            "documents.csv",
            lambda: tr("Văn bản", "Documents"),
            lambda: tr("văn bản", "document"),
            (
                NUMBER,
                DATE,
                _f(
                    "kind",
                    "Loại văn bản",
                    "Kind",
                    (
                        "KH, QĐ, BC … (không bắt buộc; phải khớp số ký hiệu)",
                        "KH, QĐ, BC … (optional; must agree with the number)",
                    ),
                ),
                _f(
                    "issuer",
                    "Cơ quan ban hành",
                    "Issuer",
                    (
                        "để trống nếu là văn bản của chính đơn vị",
                        "leave empty for the unit's own document",
                    ),
                ),
                _f("subject", "Trích yếu", "Subject", widget="textarea"),
                FOR,
                NOTE,
                FILE,
                SHA,
            ),
            upload_dir="van-ban",
        ),
        Kind(
            "links",
            "links.csv",
            lambda: tr("Đường link", "Links"),
            lambda: tr("đường link", "link"),
            (
                _f(
                    "url",
                    "Đường link",
                    "URL",
                    ("ví dụ https://quangan.thuathienhue.gov.vn/…", "e.g. https://…"),
                    required=True,
                ),
                TITLE,
                DATE,
                FOR,
                NOTE,
            ),
        ),
        Kind(
            "photos",
            "photos.csv",
            lambda: tr("Hình ảnh", "Photos"),
            lambda: tr("hình ảnh", "photo"),
            (FILE, TITLE, DATE, FOR, NOTE, SHA),
            upload_dir="hinh-anh",
        ),
        Kind(
            "statistics",
            "statistics.yaml",
            lambda: tr("Số liệu", "Statistics"),
            lambda: tr("số liệu", "figure"),
            (
                _f(
                    "name",
                    "Tên biến",
                    "Variable",
                    (
                        "tên biến của bộ chỉ số, ví dụ ho_so_tiep_nhan",
                        "a variable of the framework, e.g. ho_so_tiep_nhan",
                    ),
                    required=True,
                    widget="variable",
                ),
                _f(
                    "value",
                    "Giá trị năm đánh giá",
                    "Value this year",
                    ("ví dụ 31.724 hoặc 84,09", "e.g. 31.724 or 84,09 (Vietnamese forms)"),
                    required=True,
                ),
                _f(
                    "last_year",
                    "Giá trị năm trước",
                    "Last year's value",
                    ("khi tiêu chí so với năm trước", "when a rule compares with last year"),
                ),
                _f(
                    "source",
                    "Nguồn",
                    "Source",
                    ("ví dụ: báo cáo 385/BC-UBND, dòng 102", "e.g. report 385/BC-UBND, line 102"),
                    widget="textarea",
                ),
            ),
        ),
        Kind(
            "qualitative",
            "declarations.yaml",
            lambda: tr("Tự đánh giá định tính", "Qualitative self-assessments"),
            lambda: tr("tự đánh giá", "self-assessment"),
            (
                _f("node", "Mục (tiêu chí)", "Node", required=True, widget="node"),
                _f("result", "Kết quả", "Result", required=True, widget="result"),
                _f("explanation", "Giải trình", "Explanation", required=True, widget="textarea"),
            ),
        ),
        Kind(
            "not_applicable",
            "declarations.yaml",
            lambda: tr("Mục không áp dụng", "Not applicable"),
            lambda: tr("mục không áp dụng", "not-applicable claim"),
            (
                _f("node", "Mục (tiêu chí)", "Node", required=True, widget="node"),
                _f("reason", "Lý do không áp dụng", "Reason", required=True, widget="textarea"),
            ),
        ),
    )
}
