"""Sign a PDF with a self-made certificate, for test sets only (not a signing tool).

The key is Ed25519 made from a seed, and the certificate's dates are fixed, so the same seed
gives the same certificate and, Ed25519 signatures being deterministic, the same signature.
Its root is itself: `signature.check_signature` must call it "intact, not verified", never
"valid". `tamper` changes one byte inside the signed range, as an edit after signing would.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import warnings
from typing import Any

VN = dt.timezone(dt.timedelta(hours=7))


def self_signed(seed: str, name: str, organisation: str) -> tuple[Any, Any]:
    """(asn1crypto certificate, asn1crypto private key) made from `seed`."""
    from asn1crypto import keys, x509
    from cryptography import x509 as cx509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(seed.encode()).digest())
    subject = cx509.Name(
        [
            cx509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            cx509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            cx509.NameAttribute(NameOID.COMMON_NAME, name),
        ]
    )
    serial = int.from_bytes(hashlib.sha256(f"serial {seed}".encode()).digest()[:8], "big")
    cert = (
        cx509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(serial)
        .not_valid_before(dt.datetime(2019, 1, 1, tzinfo=dt.UTC))
        .not_valid_after(dt.datetime(2035, 1, 1, tzinfo=dt.UTC))
        .add_extension(
            cx509.KeyUsage(True, True, False, False, False, False, False, False, False), True
        )
        .add_extension(cx509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), False)
        .sign(key, None if isinstance(key, Ed25519PrivateKey) else hashes.SHA256())
    )
    der_cert = cert.public_bytes(serialization.Encoding.DER)
    der_key = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return x509.Certificate.load(der_cert), keys.PrivateKeyInfo.load(der_key)


def sign_pdf(data: bytes, seed: str, name: str, organisation: str, when: dt.datetime) -> bytes:
    """`data` signed (PAdES baseline B) at the stated time `when`."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.sign import signers
        from pyhanko.sign.fields import SigSeedSubFilter
        from pyhanko_certvalidator.registry import SimpleCertificateStore

    cert, key = self_signed(seed, name, organisation)
    signer = signers.SimpleSigner(
        signing_cert=cert,
        signing_key=key,
        cert_registry=SimpleCertificateStore.from_certs([cert]),  # type: ignore[no-untyped-call]
    )

    class _AtTime(signers.PdfSigner):
        def init_signing_session(self, *args: Any, **kwargs: Any) -> Any:
            session = super().init_signing_session(*args, **kwargs)
            session.system_time = when
            return session

    meta = signers.PdfSignatureMetadata(
        field_name="ChuKySo", subfilter=SigSeedSubFilter.PADES, md_algorithm="sha512"
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    first = writer.document_id[0]
    # pyHanko gives the new revision a random second id; derived from the content instead,
    # so that one seed makes one file
    writer._document_id = _fixed_id(first, data)
    writer._meta = _at_time(writer._meta, when)  # pyHanko stamps "now" as the modification date
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _AtTime(meta, signer=signer).sign_pdf(writer, output=out)
    return out.getvalue()


def _at_time(meta: Any, when: dt.datetime) -> Any:
    """The writer's metadata with its modification date held at `when`: pyHanko sets it to
    "now" just before writing, which would make every run's bytes differ."""
    import dataclasses

    class _Held(type(meta)):  # type: ignore[misc]
        def __setattr__(self, name: str, value: object) -> None:
            super().__setattr__(name, when if name == "last_modified" and value == "now" else value)

    fields = {f.name: getattr(meta, f.name) for f in dataclasses.fields(meta)}
    return _Held(**fields)


def _fixed_id(first: bytes, data: bytes) -> Any:
    from pyhanko.pdf_utils import generic

    second = hashlib.sha256(data).digest()[:16]
    return generic.ArrayObject([generic.ByteStringObject(first), generic.ByteStringObject(second)])


def tamper(signed: bytes) -> bytes:
    """One byte changed inside the signed range (the first page's drawing, before the
    signature): the kind of edit a signature exists to reveal."""
    at = signed.find(b"stream", signed.find(b"/Contents"))
    if at < 0:
        at = len(signed) // 3
    position = at + 40
    flipped = bytes([signed[position] ^ 0x01])
    return signed[:position] + flipped + signed[position + 1 :]
