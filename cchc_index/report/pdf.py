"""A DOCX document as PDF, converted by LibreOffice headless (`soffice`), fonts embedded.

LibreOffice is found on PATH (`soffice` or `libreoffice`); when it is missing the user is told
which Debian package brings it (exit 6, an environment problem). The conversion runs in a
private temporary folder with a private LibreOffice profile, so two conversions at once never
share a lock and nothing is left behind.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from cchc_index.errors import EnvironmentProblem
from cchc_index.i18n import tr

PACKAGE = "libreoffice-writer-nogui"
TIMEOUT_S = 180


def office() -> str:
    """The LibreOffice program, or an EnvironmentProblem naming the package to install."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise EnvironmentProblem(
            [],
            tr(
                f"cần LibreOffice để ghi PDF: trên Debian/Ubuntu, cài gói {PACKAGE} "
                f"(apt-get install {PACKAGE}); hoặc ghi .docx rồi tự chuyển",
                f"writing a PDF needs LibreOffice: on Debian/Ubuntu install {PACKAGE} "
                f"(apt-get install {PACKAGE}); or write .docx and convert it yourself",
            ),
        )
    return found


def docx_to_pdf(document: bytes) -> bytes:
    """The PDF LibreOffice makes of `document` (the bytes of a .docx file)."""
    program = office()
    with tempfile.TemporaryDirectory(prefix="cchc-pdf-") as folder:
        work = Path(folder)
        source = work / "tai-lieu.docx"
        source.write_bytes(document)
        profile = (work / "profile").as_uri()
        command = [
            program,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(work),
            str(source),
        ]
        try:
            subprocess.run(
                command,
                check=True,
                capture_output=True,
                timeout=TIMEOUT_S,
                env={**os.environ, "HOME": folder},
                stdin=subprocess.DEVNULL,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
            raise EnvironmentProblem(
                [],
                tr(
                    f"LibreOffice không chuyển được tài liệu sang PDF ({type(exc).__name__})",
                    f"LibreOffice could not convert the document to PDF ({type(exc).__name__})",
                ),
            ) from exc
        made = work / "tai-lieu.pdf"
        if not made.is_file():
            raise EnvironmentProblem(
                [],
                tr(
                    "LibreOffice không tạo ra tệp PDF",
                    "LibreOffice produced no PDF file",
                ),
            )
        return made.read_bytes()
