"""Build steps pyproject.toml cannot say: ship the frameworks (rules/) and samples (evidence/)
as the package's data, cchc_index/_data/, and stamp the commit the build came from.

The folders stay where they are in the repository (people and tools edit them there); the
wheel gets copies. An sdist carries rules/, evidence/ and the commit stamp (MANIFEST.in), so a
wheel built from it has them too.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

ROOT = Path(__file__).resolve().parent
DATA = ("rules", "evidence", "examples", "schemas")
SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", ".*")


def _commit() -> str:
    """The checkout's commit, or the stamp an sdist carries, or nothing."""
    stamp = ROOT / "cchc_index" / "_commit.txt"
    if (ROOT / ".git").exists():
        try:
            done = subprocess.run(
                ["git", "-C", str(ROOT), "rev-parse", "--short=12", "HEAD"],
                capture_output=True,
                text=True,
                check=False,
                timeout=10,
            )
            if done.returncode == 0 and done.stdout.strip():
                return done.stdout.strip()
        except (OSError, subprocess.SubprocessError):
            pass
    return stamp.read_text(encoding="ascii").strip() if stamp.is_file() else ""


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        package = Path(self.build_lib) / "cchc_index"
        for name in DATA:
            target = package / "_data" / name
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(ROOT / name, target, ignore=SKIP)
        commit = _commit()
        if commit:
            (package / "_commit.txt").write_text(commit + "\n", encoding="ascii")


class SdistWithCommit(sdist):
    def make_release_tree(self, base_dir: str, files: list[str]) -> None:
        super().make_release_tree(base_dir, files)
        commit = _commit()
        if commit:
            stamp = Path(base_dir) / "cchc_index" / "_commit.txt"
            stamp.unlink(missing_ok=True)  # a hard link to the checkout's file, if any
            stamp.write_text(commit + "\n", encoding="ascii")


setup(cmdclass={"build_py": BuildWithData, "sdist": SdistWithCommit})
