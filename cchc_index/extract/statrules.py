"""Which figure is which: one rule per named variable, in the order they are tried.

The names are the extractor's own vocabulary; the framework a draft is for decides which of
them are written (see `variables`), and TITLES labels the ones no framework declares.

A figure is a count with a unit ("2.299 hồ sơ", "218 tin, bài", "03/03 phiếu xin lỗi") or a
count after a label ("Số hồ sơ trễ hạn: 18"). The words around it decide its variable; the
more specific rules come first ("trễ hạn" before "đã giải quyết" before "tiếp nhận").
Keywords are matched on `vkey` text (lower case, one tone placement: "số hóa", "ủy").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from cchc_index.extract.flat import UP, vkey

# Unit words after a count, by class; longest first so "tin, bài" wins over "tin".
UNITS: dict[str, tuple[str, ...]] = {
    "ho_so": ("hồ sơ", "bộ hồ sơ", "lượt hồ sơ", "HS", "ho so"),
    "tin": ("tin, bài", "tin bài", "tin/bài", "bài viết", "tin", "bài"),
    "link": ("đường link", "đường dẫn", "link"),
    "thu": ("thư xin lỗi", "phiếu xin lỗi", "văn bản xin lỗi", "thư", "phiếu"),
    "tai_khoan": ("tài khoản",),
    "luot": ("lượt người", "lượt công dân", "lượt tổ chức", "lượt"),
    "nguoi": ("người", "công dân", "cá nhân, tổ chức", "tổ chức, cá nhân"),
    "van_ban": ("văn bản",),
    "nhiem_vu": ("nhiệm vụ",),
    "tthc": ("thủ tục hành chính", "thủ tục", "tthc"),
}
# A unit word follows its count on the same line, or on the next when a line wraps in the
# middle of a sentence (never into the next cell of a table, or a new row that starts with a
# capital: "1.234\nHồ sơ trễ hạn").
UNIT_RE = re.compile(
    rf"(?:[ ]*\n[ ]*(?-i:(?!{UP}))|[ ]*)(?P<unit>"
    + "|".join(
        re.escape(word).replace(r"\ ", r"\s+")
        for word in sorted({w for ws in UNITS.values() for w in ws}, key=len, reverse=True)
    )
    + r"|bộ(?=\s*[,.;:()\n]|\s*$)(?!,?\s*ngành)"  # "12.345 bộ," not "12 bộ phận", "3 bộ, ngành"
    + r")(?!\w)",
    re.IGNORECASE,
)
UNIT_CLASS = {vkey(word): name for name, words in UNITS.items() for word in words}
UNIT_CLASS["bộ"] = "ho_so"


@dataclass(frozen=True)
class Rule:
    """A variable, the unit classes it counts, and the words that must surround it."""

    variable: str
    units: frozenset[str]
    any_of: tuple[str, ...] = ()
    all_of: tuple[str, ...] = ()
    none_of: tuple[str, ...] = ()
    ratio_of: str | None = None  # "03/03 phiếu xin lỗi": the denominator is this variable
    zero_ok: bool = True  # may "không có hồ sơ phát sinh" mean 0 of this?
    only: re.Pattern[str] | None = None  # the whole context must be these words, no others

    def matches(self, context: str) -> bool:
        """True when `context` (a `vkey` text) has the words this variable needs; text typed
        without diacritics ("ho so tre han") is matched against the keywords without them."""
        context = canon(context)
        return self.matches_canon(context, context.isascii())

    def matches_canon(self, context: str, plain: bool) -> bool:
        """`matches` for a context already put right by `canon`; `plain`: it is ASCII."""
        fold = ascii_fold if plain else _same
        if self.only is not None:
            return self.only.fullmatch(context.strip(" :;,.()-+*\t\n")) is not None
        return (
            (not self.any_of or any(fold(k) in context for k in self.any_of))
            and all(fold(k) in context for k in self.all_of)
            and not any(fold(k) in context for k in self.none_of)
        )


_BOTH_LEVELS = "mức độ 3 và 4"
_BOTH_KINDS = "trực tuyến cả hai loại"
# Misspellings of the key words seen in reports: the tone of "trễ", "qúa" for "quá".
_MISSPELT = (("trể", "trễ"), ("trẽ", "trễ"), ("qúa", "quá"), ("đúng hẹn", "đúng hạn"),
             ("trước hẹn", "trước hạn"), ("trễ hẹn", "trễ hạn"), ("quá hẹn", "quá hạn"),
             # "sớm" is "trước": "sớm hẹn", "đúng và sớm hạn", "sớm và đúng hạn"
             ("sớm hẹn", "trước hạn"), ("sớm hạn", "trước hạn"), ("sớm và đúng", "trước và đúng"),
             ("đúng và sớm", "đúng và trước"), ("sớm, đúng", "trước, đúng"),
             ("đúng, sớm", "đúng, trước"),
             # "109.447 hồ sơ giải quyết trước/đúng hạn": early and on time, combined
             ("trước/đúng", "trước và đúng"), ("đúng/trước", "đúng và trước"),
             ("sớm/đúng", "trước và đúng"), ("đúng/sớm", "đúng và trước"),
             # "trả đúng thời hạn", "quá thời hạn": the deadline named in full
             ("đúng thời hạn", "đúng hạn"), ("trước thời hạn", "trước hạn"),
             ("quá thời hạn", "quá hạn"), ("trễ thời hạn", "trễ hạn"),
             ("đang được giải quyết", "đang giải quyết"), ("đang được xử lý", "đang xử lý"),
             # the desk's name says nothing of what a count is: "Bộ phận Tiếp nhận và trả kết
             # quả thị xã đã đăng tải cho 1.171 lượt hồ sơ …"
             ("bộ phận tiếp nhận và trả kết quả", "bộ phận một cửa"),
             ("bộ phận tiếp nhận và giao trả kết quả", "bộ phận một cửa"),
             ("bộ phận tiếp nhận, trả kết quả", "bộ phận một cửa"),
             # levels 3 and 4 at once: online records of both, no one level's
             ("mức độ 3-4", _BOTH_LEVELS), ("mức độ 3 - 4", _BOTH_LEVELS),
             ("mức độ 3, 4", _BOTH_LEVELS), ("mức độ 3, mức độ 4", _BOTH_LEVELS),
             ("mức độ 3 và mức độ 4", _BOTH_LEVELS), ("mức 3-4", _BOTH_LEVELS),
             ("mức 3, 4", _BOTH_LEVELS), ("mức 3 và 4", _BOTH_LEVELS),
             ("mức 3 và mức 4", _BOTH_LEVELS),
             # fully and partly online at once: online records of both kinds
             ("một phần và toàn trình", _BOTH_KINDS), ("toàn trình và một phần", _BOTH_KINDS))  # fmt: skip


def canon(context: str) -> str:
    """A `vkey` text with the common misspellings of the key words put right."""
    for wrong, right in _MISSPELT:
        context = context.replace(wrong, right)
    return context


def _same(text: str) -> str:
    return text


@lru_cache(maxsize=4096)
def ascii_fold(text: str) -> str:
    """Letters without diacritics ("trễ hạn" → "tre han")."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _r(
    variable: str,
    units: str,
    *any_of: str,
    all_of: tuple[str, ...] = (),
    none_of: tuple[str, ...] = (),
    ratio_of: str | None = None,
    zero_ok: bool = True,
    only: str | None = None,
) -> Rule:
    return Rule(variable, frozenset(units.split()), any_of, all_of, none_of, ratio_of, zero_ok,
                re.compile(only) if only else None)  # fmt: skip


RULES: tuple[Rule, ...] = (
    _r("thu_xin_loi", "thu van_ban", "xin lỗi", ratio_of="ho_so_tre_han"),
    # The period's total, however phrased: "tiếp nhận tổng cộng", "lũy kế đã và đang giải quyết".
    _r("ho_so_tiep_nhan", "ho_so", "lũy kế", "tổng cộng", zero_ok=False),
    _r("ho_so_ky_truoc", "ho_so", "kỳ trước", "tồn kỳ", "chuyển sang", "chuyển qua",
       "năm trước chuyển", "tồn từ", "tồn của kỳ", "tồn của năm", "tồn năm trước",
       zero_ok=False),
    # One channel of receipt: "trực tiếp", "trực tiếp và qua dịch vụ bưu chính" (both at once).
    _r("ho_so_truc_tiep", "ho_so", "trực tiếp", none_of=("trực tuyến",), zero_ok=False),
    _r("ho_so_pham_vi_bcci", "ho_so", "bcci", "bưu chính", all_of=("phạm vi",), zero_ok=False),
    _r("ho_so_bcci", "ho_so", "bcci", "bưu chính"),
    # "37.731 hồ sơ trực tuyến chậm được tiếp nhận": accepted late, neither the online count
    # nor records resolved late.
    _r("ho_so_cham_tiep_nhan", "ho_so", "chậm được tiếp nhận", "chậm tiếp nhận",
       "tiếp nhận chậm", "quá hạn tiếp nhận", "trễ hạn tiếp nhận", zero_ok=False),
    _r("ho_so_truc_tuyen_muc_4", "ho_so", "mức độ 4", "mức 4", none_of=(_BOTH_LEVELS,)),
    _r("ho_so_truc_tuyen_muc_3", "ho_so", "mức độ 3", "mức 3", none_of=(_BOTH_LEVELS,)),
    _r("ho_so_truc_tuyen_toan_trinh", "ho_so", "toàn trình", none_of=(_BOTH_KINDS,)),
    _r("ho_so_truc_tuyen_mot_phan", "ho_so", "trực tuyến một phần", "dịch vụ công một phần",
       "dvctt một phần", none_of=(_BOTH_KINDS,)),
    _r("ho_so_so_hoa", "ho_so", "số hóa", none_of=("kết quả",), ratio_of="ho_so_tiep_nhan"),
    # "50 hồ sơ thanh toán trực tuyến": payments made online, not records filed online.
    _r("ho_so_thanh_toan_truc_tuyen", "ho_so", "thanh toán"),
    # "DVCTT": dịch vụ công trực tuyến, online public services
    _r("ho_so_truc_tuyen", "ho_so", "trực tuyến", "qua mạng", "môi trường mạng",
       "cổng dịch vụ công", "dvctt", "hồ sơ điện tử", _BOTH_LEVELS),
    _r("tai_khoan_tao_moi", "tai_khoan", "tạo", "cấp mới", "đăng ký", none_of=("cán bộ",)),
    _r("nguoi_den_giao_dich", "luot nguoi", "giao dịch", "đến giải quyết", "đến liên hệ",
       "tiếp đón", "đến thực hiện"),
    # Records still in progress past their deadline are not the period's late ones (those were
    # resolved late): "9 hồ sơ đang giải quyết quá hạn", "hồ sơ quá hạn chưa giải quyết".
    _r("ho_so_dang_giai_quyet_qua_han", "ho_so", "đang giải quyết quá hạn",
       "đang giải quyết đã quá hạn", "đang giải quyết trễ hạn", "đang giải quyết bị quá hạn",
       "đang xử lý quá hạn", "đang xử lý trễ hạn", "chưa giải quyết quá hạn",
       "quá hạn chưa giải quyết", "quá hạn đang giải quyết", "trễ hạn đang giải quyết",
       "quá hạn chưa trả", "đang quá hạn", "tồn quá hạn", "quá hạn đang xử lý",
       "trễ hạn đang xử lý", zero_ok=False),
    _r("ho_so_dang_giai_quyet_qua_han", "ho_so", "quá hạn", "trễ hạn",
       all_of=("chưa có kết quả",), zero_ok=False),
    # "1.505 hồ sơ TTHC đang ở trạng thái “xử lý quá hạn”": a state now, not a resolved record
    _r("ho_so_dang_giai_quyet_qua_han", "ho_so", "quá hạn", "trễ hạn",
       all_of=("trạng thái",), zero_ok=False),
    _r("ho_so_tre_han", "ho_so", "trễ hạn", "quá hạn", "trễ hẹn", "quá hẹn", "chậm"),
    _r("ho_so_truoc_va_dung_han", "ho_so", "trước và đúng", "trước hạn và đúng",
       "trước, đúng", "đúng và trước", "trước hẹn và đúng", "đúng hạn và trước",
       "đúng hẹn và trước", "đúng hạn, trước", "trước hạn, đúng", "trước hoặc đúng",
       "đúng hoặc trước", "trước hạn hoặc đúng", "đúng hạn hoặc trước"),
    _r("ho_so_truoc_han", "ho_so", "trước hạn", "trước hẹn", "sớm hạn"),
    _r("ho_so_dung_han", "ho_so", "đúng hạn", "đúng hẹn"),
    _r("ho_so_dang_giai_quyet", "ho_so", "đang giải quyết", "đang trong thời gian giải quyết",
       "đang tiếp tục giải quyết", "tiếp tục giải quyết", "đang tiếp tục xử lý",
       "tiếp tục xử lý", "đang được xử lý",
       # "Số hồ sơ chưa giải quyết 34 hồ sơ (trong hạn 30, quá hạn 4)": not resolved yet
       "chưa giải quyết", "chưa có kết quả", "chưa trả kết quả",
       "đang xử lý", "chưa đến hạn", "đang trong hạn", "đang trong thời hạn",
       "còn trong thời hạn", "còn trong hạn"),
    _r("ho_so_da_giai_quyet", "ho_so", "đã giải quyết", "giải quyết xong", "đã trả kết quả",
       "đã xử lý", "hoàn thành giải quyết", "đã được giải quyết", "giải quyết được",
       "đã có kết quả",
       none_of=("chưa giải quyết",), ratio_of="ho_so_tiep_nhan"),
    _r("ho_so_tiep_nhan_moi", "ho_so", "tiếp nhận mới", "nhận mới", "mới tiếp nhận",
       "phát sinh mới", zero_ok=False),
    # "218.763 hồ sơ của các tổ chức, cá nhân yêu cầu giải quyết": the records filed
    _r("ho_so_tiep_nhan", "ho_so", "tiếp nhận", "nhận giải quyết", "tổng số hồ sơ",
       "hồ sơ nhận", "thụ lý", "yêu cầu giải quyết", "đề nghị giải quyết",
       none_of=("trả lại", "rút hồ sơ")),
    # "Giải quyết: 1.200 hồ sơ", "tiếp nhận 1.234 hồ sơ, giải quyết 1.200 hồ sơ": resolved,
    # when nothing else is said ("tổng số hồ sơ giải quyết", "hồ sơ đến hạn giải quyết" are
    # the records to handle).
    _r("ho_so_da_giai_quyet", "ho_so", ratio_of="ho_so_tiep_nhan", zero_ok=False,
       # "… tiếp nhận 94.665 hồ sơ thủ tục hành chính và giải quyết 94.985 hồ sơ": the
       # previous count's unit, then "và giải quyết"
       only=r"(?:(?:(?:hồ\s+sơ|hs)\s*)?(?:thủ\s+tục\s+hành\s+chính|tthc|các\s+loại)?\s*"
            r"(?:,\s*|\bvà\s+)(?:đã\s+)?)?"
            r"(?:số\s+)?(?:(?:hồ\s+sơ|hs)\s+)?(?:đã\s+)?(?:được\s+)?giải\s+quyết"
            r"(?:\s+(?:được|xong))?(?:\s*:?\s*(?:là|được))?"),
    _r("tthc_tiep_nhan_mot_cua", "tthc", "phần mềm", "một cửa", "bộ phận tiếp nhận",
       all_of=("tiếp nhận",)),
    _r("tthc_quy_trinh_dung_thoi_gian", "tthc", "không vượt quá", "đúng thời gian"),
    _r("tthc_thiet_lap_quy_trinh", "tthc", "thiết lập", "quy trình"),
    _r("tthc_thuoc_tham_quyen", "tthc", "thẩm quyền"),
    _r("tin_cong_khai_tien_do", "tin link", "tiến độ"),
    _r("tin_cong_khai_tthc", "tin link", "thủ tục", "tthc",
       all_of=("công khai",)),
    _r("nhiem_vu_trong_tam", "nhiem_vu", "trọng tâm"),
    _r("nhiem_vu_hoan_thanh", "nhiem_vu", "hoàn thành", "thực hiện", "đã triển khai",
       ratio_of="nhiem_vu_ke_hoach"),
    _r("nhiem_vu_ke_hoach", "nhiem_vu", "đề ra", "xác định", "kế hoạch", "giao"),
    _r("tin_cchc", "tin", "cải cách hành chính", "cchc", "tuyên truyền"),
    _r("tong_tin_bai", "tin", "trang thông tin", "cổng thông tin", "trang ttđt", "đăng"),
    _r("van_ban_ky_so", "van_ban", "ký số", "chữ ký số"),
    _r("van_ban_moi_truong_mang", "van_ban", "môi trường mạng"),
    _r("van_ban_den", "van_ban", "đã nhận", "văn bản đến"),
)  # fmt: skip

# "đang giải quyết 30 hồ sơ trong hạn và 4 hồ sơ quá hạn": the part of the records in progress
# still within its deadline, where the part past it follows. No words alone make a count this
# one (alone, "đang giải quyết còn trong hạn là 220 hồ sơ" is all of them): `classify`
# .in_time_part reads the words after a count of records in progress.
IN_PROGRESS_IN_TIME = _r("ho_so_dang_giai_quyet_trong_han", "ho_so", zero_ok=False)

# The extractor's own label of every name it can give a figure (Vietnamese, English); a
# framework that declares the variable labels it with its own title instead.
TITLES = {
    "tin_cchc": ("tin, bài tuyên truyền CCHC", "CCHC news posts"),
    "nhiem_vu_ke_hoach": ("nhiệm vụ trong kế hoạch CCHC", "tasks in the CCHC plan"),
    "nhiem_vu_hoan_thanh": ("nhiệm vụ đã hoàn thành", "tasks completed"),
    "tin_cong_khai_tthc": ("tin, bài công khai TTHC", "posts publishing procedures"),
    "tin_cong_khai_tien_do": ("tin, bài công khai tiến độ giải quyết", "posts publishing progress"),
    "tthc_thuoc_tham_quyen": ("TTHC thuộc thẩm quyền", "procedures within the unit's competence"),
    "tthc_tiep_nhan_mot_cua": ("TTHC tiếp nhận qua một cửa", "procedures received at the one-stop desk"),
    "tthc_thiet_lap_quy_trinh": ("TTHC đã thiết lập quy trình", "procedures with a workflow set up"),
    "tthc_quy_trinh_dung_thoi_gian": ("TTHC có quy trình đúng thời gian", "procedures with workflows within the time limit"),
    "ho_so_tiep_nhan": ("hồ sơ tiếp nhận (tổng của kỳ)", "records received (period total)"),
    "ho_so_da_giai_quyet": ("hồ sơ đã giải quyết", "records resolved"),
    "ho_so_truoc_han": ("hồ sơ giải quyết trước hạn", "records resolved early"),
    "ho_so_dung_han": ("hồ sơ giải quyết đúng hạn", "records resolved on time"),
    "ho_so_tre_han": ("hồ sơ giải quyết trễ hạn", "records resolved late"),
    "ho_so_dang_giai_quyet": ("hồ sơ đang giải quyết", "records in progress"),
    "ho_so_dang_giai_quyet_qua_han": ("hồ sơ đang giải quyết đã quá hạn", "records in progress past their deadline"),
    "ho_so_dang_giai_quyet_trong_han": ("hồ sơ đang giải quyết còn trong hạn", "records in progress within their deadline"),
    "thu_xin_loi": ("thư xin lỗi", "apology letters"),
    "ho_so_so_hoa": ("hồ sơ được số hóa", "records digitised"),
    "tai_khoan_tao_moi": ("tài khoản tạo mới", "accounts created"),
    "nguoi_den_giao_dich": ("lượt người đến giao dịch", "visits to the desk"),
    "ho_so_bcci": ("hồ sơ qua bưu chính công ích", "records by public postal service"),
    "ho_so_pham_vi_bcci": ("hồ sơ thuộc phạm vi bưu chính công ích", "records eligible for the postal service"),
    "ho_so_truc_tuyen_muc_3": ("hồ sơ trực tuyến mức độ 3", "level-3 online records"),
    "ho_so_truc_tuyen_muc_4": ("hồ sơ trực tuyến mức độ 4", "level-4 online records"),
    "ho_so_tiep_nhan_moi": ("hồ sơ tiếp nhận mới trong kỳ", "records newly received in the period"),
    "ho_so_ky_truoc": ("hồ sơ kỳ trước chuyển sang", "records carried over from the last period"),
    "ho_so_truc_tuyen": ("hồ sơ nộp trực tuyến", "records filed online"),
    "ho_so_thanh_toan_truc_tuyen": ("hồ sơ thanh toán trực tuyến", "records paid online"),
    "ho_so_truc_tiep": ("hồ sơ nộp trực tiếp (kể cả qua bưu chính nếu báo cáo gộp)", "records filed in person (with postal ones when the report joins them)"),
    "ho_so_truc_tuyen_toan_trinh": ("hồ sơ trực tuyến toàn trình", "records filed fully online"),
    "ho_so_truc_tuyen_mot_phan": ("hồ sơ trực tuyến một phần", "records filed partly online"),
    "ho_so_truoc_va_dung_han": ("hồ sơ giải quyết trước và đúng hạn (gộp)", "records early or on time (combined)"),
    "ho_so_cham_tiep_nhan": ("hồ sơ chậm được tiếp nhận", "records accepted late"),
    "nhiem_vu_trong_tam": ("nhiệm vụ trọng tâm", "key tasks"),
    "tong_tin_bai": ("tổng số tin, bài đã đăng", "all news posts"),
    "van_ban_ky_so": ("văn bản đi được ký số", "outgoing documents signed digitally"),
    "van_ban_moi_truong_mang": ("văn bản đưa lên môi trường mạng", "documents sent online"),
    "van_ban_den": ("văn bản đến đã nhận và xử lý", "incoming documents handled"),
}  # fmt: skip
