"""Render documents as a person would see them: LibreOffice and Chromium headless, poppler.

A missing tool skips the test with its name, except in CI (`CI` set), where it fails:
`scripts/test.sh` installs the tools there.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",  # CI runs as root, where Chromium refuses to start sandboxed
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def need(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        message = f"{tool} is not installed (scripts/system-packages.sh installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def run(args: list[str], timeout: float = 120) -> str:
    done = subprocess.run(args, capture_output=True, text=True, timeout=timeout, check=False)
    assert done.returncode == 0, f"{args[0]} failed: {done.stderr[-2000:]}"
    return done.stdout


def office_pdf(document: Path, out_dir: Path) -> Path:
    """DOCX or XLSX → PDF with LibreOffice, in a profile of its own (parallel runs collide)."""
    soffice = need("soffice")
    profile = (out_dir / "lo-profile").as_uri()
    run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(document),
        ]
    )
    pdf = out_dir / (document.stem + ".pdf")
    assert pdf.is_file()
    return pdf


def office_convert(document: Path, out_dir: Path, target: str) -> Path:
    """Convert with LibreOffice (recalculating formulas), e.g. xlsx → xlsx with cached values."""
    soffice = need("soffice")
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = (out_dir / "lo-profile").as_uri()
    run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(out_dir),
            str(document),
        ]
    )
    return out_dir / (document.stem + "." + target.split(":")[0])


def chromium(*args: str, profile: Path) -> str:
    binary = need("chromium")
    return run([binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args])


@dataclass(frozen=True)
class Page:
    width: float  # points
    height: float

    @property
    def is_a4(self) -> bool:
        return sorted((round(self.width), round(self.height))) == [595, 842]

    @property
    def landscape(self) -> bool:
        return self.width > self.height


def pages(pdf: Path) -> list[Page]:
    info = run([need("pdfinfo"), "-f", "1", "-l", "999", str(pdf)])
    return [
        Page(float(w), float(h))
        for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)
    ]


def fonts(pdf: Path) -> list[tuple[str, bool]]:
    """(font name, embedded) for every font of the PDF."""
    lines = run([need("pdffonts"), str(pdf)]).splitlines()[2:]
    out = []
    for line in lines:
        parts = line.split()
        # name type encoding emb sub uni id gen; the type may be two words ("Type 1C")
        emb = parts[-5]
        out.append((parts[0].split("+")[-1], emb == "yes"))
    return out


def text(pdf: Path) -> str:
    return run([need("pdftotext"), "-layout", str(pdf), "-"])


def png(pdf: Path, page: int, out: Path, dpi: int = 60) -> Path:
    run(
        [
            need("pdftoppm"),
            "-f",
            str(page),
            "-l",
            str(page),
            "-r",
            str(dpi),
            "-png",
            "-singlefile",
            str(pdf),
            str(out.with_suffix("")),
        ]
    )
    assert out.is_file() and out.stat().st_size > 5_000
    return out


def in_order(haystack: str, needles: list[str]) -> bool:
    """Each needle appears after the previous one (reading order of the rendered table)."""
    position = 0
    for needle in needles:
        found = haystack.find(needle, position)
        if found < 0:
            return False
        position = found + len(needle)
    return True
