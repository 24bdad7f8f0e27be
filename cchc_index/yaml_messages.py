"""libyaml's complaints in the user's language: never its English text, never a traceback."""

from __future__ import annotations

import yaml

from cchc_index.i18n import tr

_YAML_PROBLEMS = (
    (
        "found character '\\t'",
        "ký tự tab không được dùng để thụt lề YAML; hãy dùng dấu cách",
        "a tab cannot indent YAML; use spaces",
    ),
    (
        "cannot start any token",
        "ký tự không được mở đầu một giá trị YAML ở đây (đặt giá trị trong ngoặc kép)",
        "this character cannot start a YAML value here (quote the value)",
    ),
    (
        "mapping values are not allowed",
        "dấu ':' không được phép ở đây (thiếu dấu cách sau ':' ở dòng trên, hoặc cần đặt giá trị trong ngoặc kép)",
        "a ':' is not allowed here (quote the value)",
    ),
    ("could not find expected ':'", "thiếu dấu ':' sau khóa", "missing ':' after a key"),
    (
        "did not find expected key",
        "thụt lề không khớp: không tìm thấy khóa như mong đợi",
        "indentation does not match: expected a key",
    ),
    (
        "did not find expected '-'",
        "thụt lề không khớp trong danh sách (thiếu '-')",
        "indentation does not match in a list (missing '-')",
    ),
    (
        "did not find expected ',' or ']'",
        "danh sách [...] chưa đóng hoặc thiếu dấu ','",
        "a [...] list is not closed, or a ',' is missing",
    ),
    (
        "did not find expected ',' or '}'",
        "bảng {...} chưa đóng hoặc thiếu dấu ','",
        "a {...} mapping is not closed, or a ',' is missing",
    ),
    ("did not find expected node content", "thiếu giá trị", "a value is missing"),
    (
        "found unexpected end of stream",
        "tệp kết thúc khi ngoặc kép hoặc ngoặc chưa đóng",
        "the file ends inside an unclosed quote or bracket",
    ),
    (
        "found unknown escape character",
        "ký tự thoát (\\) không hợp lệ trong chuỗi ngoặc kép; dùng ngoặc đơn",
        "invalid escape (\\) in a double-quoted string; use single quotes",
    ),
    ("found undefined tag handle", "thẻ YAML (!) không xác định", "undefined YAML tag (!)"),
    ("found undefined alias", "bí danh YAML (*) chưa được định nghĩa", "undefined YAML alias (*)"),
    ("found duplicate anchor", "neo YAML (&) bị lặp", "repeated YAML anchor (&)"),
    (
        "control characters are not allowed",
        "tệp có ký tự điều khiển",
        "the file holds control characters",
    ),
    ("expected <block end>", "thụt lề không khớp", "indentation does not match"),
    (
        "expected a single document",
        "tệp chỉ được có một tài liệu YAML (bỏ dòng '---' thứ hai)",
        "a file holds one YAML document (remove the second '---')",
    ),
    ("found unexpected ':'", "dấu ':' không đúng chỗ", "a misplaced ':'"),
    ("while scanning an anchor", "tên neo YAML (&) không hợp lệ", "invalid YAML anchor name (&)"),
    ("while scanning an alias", "tên bí danh YAML (*) không hợp lệ", "invalid YAML alias name (*)"),
    ("while scanning a directive", "chỉ thị YAML (%) không hợp lệ", "invalid YAML directive (%)"),
    (
        "while scanning a block scalar",
        "khối chữ YAML (| hoặc >) không hợp lệ",
        "invalid YAML block scalar (| or >)",
    ),
    (
        "found incompatible YAML document",
        "phiên bản YAML không được hỗ trợ",
        "unsupported YAML version",
    ),
)


def yaml_message(exc: yaml.YAMLError, text: str = "") -> str:
    """libyaml's complaint in the user's language (never its English text)."""
    said = f"{getattr(exc, 'context', '') or ''} {getattr(exc, 'problem', '') or exc}"
    mark = getattr(exc, "problem_mark", None)
    char = ""
    if mark is not None and text:
        lines = text.splitlines()
        if mark.line < len(lines) and mark.column < len(lines[mark.line]):
            char = lines[mark.line][mark.column]
    if "tab character" in said or char == "\t":
        return tr(
            "YAML không hợp lệ: ký tự tab không được dùng để thụt lề; hãy dùng dấu cách",
            "invalid YAML: a tab cannot indent; use spaces",
        )
    if "cannot start any token" in said and char:
        return tr(
            f"YAML không hợp lệ: ký tự '{char}' không được mở đầu một giá trị; đặt giá trị trong ngoặc kép",
            f"invalid YAML: '{char}' cannot start a value; put the value in double quotes",
        )
    for needle, vi, en in _YAML_PROBLEMS:
        if needle in said:
            return tr(f"YAML không hợp lệ: {vi}", f"invalid YAML: {en}")
    return tr("YAML không hợp lệ ở đây", "invalid YAML here")
