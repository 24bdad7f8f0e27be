"""click's own messages in Vietnamese: usage errors, help headings, "Aborted!".

click marks its texts for gettext and looks each one up when it is shown. Installing a
lookup that follows `cchc_index.i18n` into click's modules makes "Missing argument",
"Show this message and exit." and the rest follow `--lang` like every other message.
Texts without a Vietnamese entry stay as click wrote them (a test lists the ones users meet).
"""

from __future__ import annotations

import gettext
import importlib
import re
from typing import Any

from cchc_index.i18n import lang

VI: dict[str, str] = {
    "Aborted!": "Đã dừng.",
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Gõ '{command} {option}' để xem hướng dẫn.",
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Positional arguments": "Tham số vị trí",
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "Show the version and exit.": "Hiện phiên bản rồi thoát.",
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
    "Missing command.": "Thiếu tên lệnh.",
    "Missing argument": "Thiếu tham số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing {param_type}": "Thiếu {param_type}",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Could not open file {filename!r}: {message}": "Không mở được tệp {filename!r}: {message}",
    "unknown error": "lỗi không rõ",
    "Did you mean {possibility}?": "Có phải ý bạn là {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Có phải ý bạn là một trong: {possibilities}?)",
    "Got unexpected extra argument ({args})": "Thừa tham số ({args})",
    "Got unexpected extra arguments ({args})": "Thừa tham số ({args})",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Option {name!r} requires an argument.": "Tùy chọn {name!r} cần một giá trị.",
    "Option {name!r} requires {nargs} arguments.": "Tùy chọn {name!r} cần {nargs} giá trị.",
    "Argument {name!r} takes {nargs} values.": "Tham số {name!r} nhận {nargs} giá trị.",
    "Takes {nargs} values but 1 was given.": "Cần {nargs} giá trị nhưng chỉ có 1.",
    "Takes {nargs} values but {len} were given.": "Cần {nargs} giá trị nhưng có {len}.",
    "Value must be an iterable.": "Giá trị phải là một danh sách.",
    "{value!r} is not {choice}.": "{value!r} không phải {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} không thuộc {choices}.",
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng {range}.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải là số hợp lệ.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} không phải có/không hợp lệ. Các giá trị được nhận: {states}"
    ),
    "{value!r} does not match the format {format}.": "{value!r} không đúng dạng {format}.",
    "{value!r} does not match the formats {formats}.": "{value!r} không đúng các dạng {formats}.",
    "{value!r} is not a valid UUID.": "{value!r} không phải UUID hợp lệ.",
    "file": "tệp",
    "directory": "thư mục",
    "path": "đường dẫn",
    "{name} {filename!r} does not exist.": "{name} {filename!r} không tồn tại.",
    "{name} {filename!r} is a file.": "{name} {filename!r} là một tệp.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} là một thư mục.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} không đọc được.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} không ghi được.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} không chạy được.",
    "env var: {var}": "biến môi trường: {var}",
    "default: {default}": "mặc định: {default}",
    "required": "bắt buộc",
    "(dynamic)": "(tùy lúc chạy)",
    "deprecated": "không còn dùng",
    "Press any key to continue...": "Nhấn phím bất kỳ để tiếp tục...",
    "Repeat for confirmation": "Nhập lại để xác nhận",
    "Error: The two entered values do not match.": "Lỗi: hai giá trị đã nhập không khớp.",
    "Error: invalid input": "Lỗi: giá trị nhập không hợp lệ",
    "Do you want to continue?": "Bạn có muốn tiếp tục?",
}

# The words of usage lines and metavars, which click writes without gettext: the type names
# (TEXT, INTEGER …), "[OPTIONS]", "COMMAND [ARGS]...", and the argument names of our commands.
WORDS: dict[str, str] = {
    "OPTIONS": "TÙY_CHỌN",
    "COMMAND": "LỆNH",
    "ARGS": "THAM_SỐ",
    "TEXT": "CHUỖI",
    "INTEGER": "SỐ_NGUYÊN",
    "FLOAT": "SỐ",
    "RANGE": "",
    "BOOLEAN": "CÓ|KHÔNG",
    "FILENAME": "TỆP",
    "FILE": "TỆP",
    "PATH": "ĐƯỜNG_DẪN",
    "DIRECTORY": "THƯ_MỤC",
    "THƯ MỤC": "THƯ_MỤC",
    "ĐƯỜNG DẪN": "ĐƯỜNG_DẪN",
    "PATHS": "ĐƯỜNG_DẪN",
    "BUNDLE": "BỘ_MINH_CHỨNG",
    "FOLDER": "THƯ_MỤC",
    "FOLDERS": "THƯ_MỤC",
    "EVIDENCE_DIR": "THƯ_MỤC_MINH_CHỨNG",
    "NODE_ID": "MÃ_MỤC",
    "REPORT": "BÁO_CÁO",
    "TABLE": "BẢNG",
    "WORKBOOK": "BẢNG_TÍNH",
    "UNIT": "ĐƠN_VỊ",
}
_WORD = re.compile(r"THƯ MỤC|ĐƯỜNG DẪN|[A-Z][A-Z_]*")


def vi_words(text: str) -> str:
    """`text` (a usage piece or metavar) with click's English words in Vietnamese."""
    if lang() != "vi":
        return text
    translated = _WORD.sub(lambda m: WORDS.get(m[0], m[0]), text)
    return re.sub(r" +", " ", translated).strip()


_MODULES = (
    "core",
    "decorators",
    "exceptions",
    "formatting",
    "parser",
    "termui",
    "types",
    "utils",
)


def _gettext(message: str) -> str:
    return VI.get(message, message) if lang() == "vi" else message


def _ngettext(singular: str, plural: str, n: int) -> str:
    chosen = singular if n == 1 else plural
    return VI.get(chosen, chosen) if lang() == "vi" else chosen


def _metavars() -> None:
    """Usage lines and metavars through `vi_words` (once: the wrappers mark themselves)."""
    import click

    for cls in (click.core.Option, click.core.Argument):
        original = cls.make_metavar
        if getattr(original, "_cchc", False):
            continue

        def make_metavar(self: Any, ctx: Any, _original: Any = original) -> str:
            return vi_words(_original(self, ctx))

        make_metavar._cchc = True  # type: ignore[attr-defined]
        cls.make_metavar = make_metavar  # type: ignore[method-assign]
    for group in (click.core.Command, click.core.Group):
        pieces = group.__dict__["collect_usage_pieces"]
        if getattr(pieces, "_cchc", False):
            continue

        def collect_usage_pieces(self: Any, ctx: Any, _pieces: Any = pieces) -> list[str]:
            return [vi_words(piece) for piece in _pieces(self, ctx)]

        collect_usage_pieces._cchc = True  # type: ignore[attr-defined]
        group.collect_usage_pieces = collect_usage_pieces  # type: ignore[method-assign]
    help_option = click.core.Command.get_help_option
    if not getattr(help_option, "_cchc", False):
        # click builds a command's --help option once and keeps it: its text follows the
        # language of each run, not of the first one (`--lang en` then a Vietnamese run).
        def get_help_option(self: Any, ctx: Any, _original: Any = help_option) -> Any:
            option = _original(self, ctx)
            if option is not None:
                option.help = _gettext("Show this message and exit.")
            return option

        get_help_option._cchc = True  # type: ignore[attr-defined]
        click.core.Command.get_help_option = get_help_option  # type: ignore[method-assign]


def install() -> None:
    """Route click's message lookups through the current language (idempotent)."""
    _metavars()
    for name in _MODULES:
        module = importlib.import_module(f"click.{name}")
        if getattr(module, "_", None) in (gettext.gettext, _gettext):
            module._ = _gettext  # type: ignore[attr-defined]
        if getattr(module, "ngettext", None) in (gettext.ngettext, _ngettext):
            module.ngettext = _ngettext  # type: ignore[attr-defined]
