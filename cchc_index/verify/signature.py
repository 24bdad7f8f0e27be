"""The digital signatures of a PDF, read with pyHanko, offline.

For each signature: whether the signed bytes are intact, whether the file was changed after
signing in ways a signature does not allow, who signed (the certificate's name and
organisation), when (the signing time the signer states), and whether the certificate chains
to a trusted root. No root is trusted here (no government CA list ships, and nothing is
fetched): an intact signature is "intact, signer not verified", never "valid".
"""

from __future__ import annotations

import datetime as dt
import enum
import io
import logging
import warnings
from dataclasses import dataclass
from typing import Any

from cchc_index.i18n import tr

# a signing time more than this many days after the document's date is worth a look
LATE_SIGNING_DAYS = 30


class SignatureVerdict(enum.StrEnum):
    NONE = "none"  # no signature in the file
    INTACT_UNTRUSTED = "intact_untrusted"  # bytes intact, certificate not chained to a trusted root
    TAMPERED = "tampered"  # signed bytes changed, or changes after signing not allowed
    UNREADABLE = "unreadable"  # a signature is there but cannot be parsed
    NOT_PDF = "not_pdf"  # only PDFs carry a PAdES signature

    def shown(self) -> str:
        vi, en = _WORDS[self]
        return tr(vi, en)


_WORDS = {
    SignatureVerdict.NONE: ("không có chữ ký số", "no digital signature"),
    SignatureVerdict.INTACT_UNTRUSTED: (
        "chữ ký nguyên vẹn; chứng thư chưa xác minh được nguồn (gốc không có trong danh sách tin cậy)",
        "signature intact; certificate not verified (root not in a trusted list)",
    ),
    SignatureVerdict.TAMPERED: (
        "tệp đã bị sửa sau khi ký (chữ ký không còn đúng)",
        "the file was changed after signing (signature broken)",
    ),
    SignatureVerdict.UNREADABLE: ("không đọc được chữ ký", "signature unreadable"),
    SignatureVerdict.NOT_PDF: (
        "không phải PDF (không có chữ ký số PDF)",
        "not a PDF (no PDF signature)",
    ),
}


@dataclass(frozen=True)
class SignatureCheck:
    verdict: SignatureVerdict
    signer: str | None = None
    organisation: str | None = None
    signed_at: dt.datetime | None = None
    count: int = 0
    note: str | None = None

    @property
    def signed(self) -> bool:
        return self.verdict in (SignatureVerdict.INTACT_UNTRUSTED, SignatureVerdict.TAMPERED)

    def text(self) -> str:
        parts = [self.verdict.shown()]
        who = ", ".join(p for p in (self.signer, self.organisation) if p)
        if who:
            parts.append(tr(f"người ký: {who}", f"signer: {who}"))
        if self.signed_at is not None:
            parts.append(
                tr(
                    f"ký lúc {self.signed_at:%d/%m/%Y %H:%M}",
                    f"signed {self.signed_at:%d/%m/%Y %H:%M}",
                )
            )
        if self.note:
            parts.append(self.note)
        return "; ".join(parts)


def quiet_import() -> None:
    """Import pyHanko without the deprecation warnings its imports raise (DSA), and keep its
    log (a traceback for every untrusted certificate) off the user's terminal: the verdict
    says it."""
    for name in ("pyhanko", "pyhanko_certvalidator"):
        logger = logging.getLogger(name)
        logger.propagate = False
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pyhanko.pdf_utils.reader
        import pyhanko.sign.validation  # noqa: F401


def _name(cert: Any, field: str) -> str | None:
    try:
        value = cert.subject.native.get(field)
    except Exception:  # a malformed subject: no name, not a failed run
        return None
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return str(value) if value else None


def check_signature(data: bytes, document_date: dt.date | None = None) -> SignatureCheck:
    """The verdict on a PDF's signatures (the worst of them when there are several)."""
    if b"%PDF-" not in data[:1024]:
        return SignatureCheck(SignatureVerdict.NOT_PDF)
    quiet_import()
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = list(reader.embedded_signatures)
    except (PdfError, ValueError, KeyError, TypeError, OSError):
        if b"/ByteRange" in data:
            return SignatureCheck(SignatureVerdict.UNREADABLE)
        return SignatureCheck(SignatureVerdict.NONE)
    if not signatures:
        return SignatureCheck(SignatureVerdict.NONE)
    results: list[SignatureCheck] = []
    for embedded in signatures:
        context = ValidationContext(trust_roots=[], allow_fetching=False)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                status = validate_pdf_signature(embedded, signer_validation_context=context)
        except Exception:  # pyHanko raises many kinds on a broken signature dictionary
            results.append(SignatureCheck(SignatureVerdict.TAMPERED, count=len(signatures)))
            continue
        from pyhanko.sign.diff_analysis import ModificationLevel

        changed = status.modification_level not in (
            None,
            ModificationLevel.NONE,
            ModificationLevel.LTA_UPDATES,
            ModificationLevel.FORM_FILLING,
        )
        verdict = (
            SignatureVerdict.TAMPERED
            if not status.intact or changed or not status.docmdp_ok
            else SignatureVerdict.INTACT_UNTRUSTED
        )
        cert = status.signing_cert
        signed_at = status.signer_reported_dt
        note = None
        if signed_at is not None and document_date is not None:
            local = signed_at.astimezone(dt.timezone(dt.timedelta(hours=7))).date()
            if local < document_date:
                note = tr(
                    f"ký trước ngày văn bản ({document_date:%d/%m/%Y})",
                    f"signed before the document's date ({document_date:%d/%m/%Y})",
                )
            elif (local - document_date).days > LATE_SIGNING_DAYS:
                note = tr(
                    f"ký sau ngày văn bản {(local - document_date).days} ngày",
                    f"signed {(local - document_date).days} days after the document's date",
                )
        results.append(
            SignatureCheck(
                verdict,
                signer=_name(cert, "common_name"),
                organisation=_name(cert, "organization_name"),
                signed_at=signed_at,
                count=len(signatures),
                note=note,
            )
        )
    bad = [r for r in results if r.verdict is not SignatureVerdict.INTACT_UNTRUSTED]
    return bad[0] if bad else results[-1]
