"""The CI kit of a framework repository: `init-framework-repo DIR` writes a repository that
checks its own frameworks on every commit (pre-commit), in GitHub Actions and in GitLab CI.

The files are written from the constants below, which docs/ci.md shows verbatim (a test keeps
the two the same and runs every `cchc-index` line of both CI files on the template).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from cchc_index.errors import OutputError, Problem
from cchc_index.i18n import tr
from cchc_index.shipped import locate_framework, shipped_dir

PRE_COMMIT_CONFIG = """\
# pre-commit: `pip install pre-commit cchc-index && pre-commit install`, then every commit
# touching a YAML file validates and tests the frameworks of this repository.
repos:
  - repo: local
    hooks:
      - id: cchc-validate
        name: cchc-index validate
        entry: cchc-index validate
        args: [frameworks]
        language: system
        pass_filenames: false
        files: \\.ya?ml$
      - id: cchc-test
        name: cchc-index test
        entry: cchc-index test
        args: [frameworks]
        language: system
        pass_filenames: false
        files: \\.ya?ml$
"""

GITHUB_WORKFLOW = """\
# GitHub Actions: validate and test the frameworks on every push and pull request; problems
# appear as annotations on the changed lines and in the Security tab (SARIF).
name: cchc-index
on:
  push:
  pull_request:
permissions:
  contents: read
  security-events: write
jobs:
  frameworks:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      # durable-rules builds a C extension: ubuntu-24.04 has gcc and the Python headers.
      - run: pip install "${CCHC_INDEX:-cchc-index}"
      - run: cchc-index validate frameworks --format github
      - run: cchc-index validate frameworks --format sarif -o cchc-index.sarif
        if: always()
      - uses: github/codeql-action/upload-sarif@v3
        if: always()
        with:
          sarif_file: cchc-index.sarif
      - run: cchc-index test frameworks --format junit -o cchc-index-tests.xml
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: cchc-index-reports
          path: cchc-index-*.xml
"""

GITLAB_CI = """\
# GitLab CI: validate and test the frameworks; test results show in the merge request.
cchc-index:
  image: python:3.12
  script:
    - pip install "${CCHC_INDEX:-cchc-index}"
    - cchc-index validate frameworks
    - cchc-index validate frameworks --format sarif -o cchc-index.sarif
    - cchc-index test frameworks --format junit -o cchc-index-tests.xml
  artifacts:
    when: always
    paths:
      - cchc-index.sarif
    reports:
      junit: cchc-index-tests.xml
"""

README = """\
# Bộ chỉ số CCHC

Kho các bộ chỉ số (tệp quy tắc của cchc-index), mỗi bộ một thư mục trong `frameworks/`.

```bash
pip install cchc-index pre-commit
pre-commit install                 # mỗi lần commit: kiểm tra và chạy ca kiểm thử
cchc-index validate frameworks     # báo mọi lỗi dạng tệp:dòng:cột
cchc-index test frameworks         # chạy các ca kiểm thử *.cases.yaml
```

CI: `.github/workflows/cchc-index.yml` (GitHub Actions) và `.gitlab-ci.yml` (GitLab CI) chạy
đúng các lệnh đó. Biến `CCHC_INDEX` đặt bản cchc-index được cài (mặc định: bản mới nhất).
"""

GITIGNORE = "cchc-index.sarif\ncchc-index-tests.xml\n"

FILES = {
    ".pre-commit-config.yaml": PRE_COMMIT_CONFIG,
    ".github/workflows/cchc-index.yml": GITHUB_WORKFLOW,
    ".gitlab-ci.yml": GITLAB_CI,
    "README.md": README,
    ".gitignore": GITIGNORE,
}


def init_framework_repo(dest: Path, framework: str, rules_dir: Path | None = None) -> list[str]:
    """Write the template repository into `dest` (new or empty), with a copy of `framework`
    (an id on the framework search path) as its first framework; whole or nothing."""
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise OutputError(
            [
                Problem(
                    str(dest),
                    1,
                    1,
                    tr(
                        f"'{dest}' đã có dữ liệu; hãy chọn một thư mục mới hoặc rỗng",
                        f"'{dest}' is not empty; choose a new or empty folder",
                    ),
                )
            ]
        )
    found = locate_framework(framework, rules_dir)
    if found is None:
        shipped = shipped_dir("rules")
        names = sorted(p.name for p in shipped.iterdir()) if shipped else []
        raise OutputError(
            [],
            tr(
                f"không tìm thấy bộ chỉ số '{framework}' (có: {', '.join(names)})",
                f"framework '{framework}' not found (available: {', '.join(names)})",
            ),
        )
    parent = dest.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".cchc-repo-", dir=parent))
    try:
        for name, text in FILES.items():
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        shutil.copytree(
            found.path,
            staging / "frameworks" / framework,
            ignore=shutil.ignore_patterns("__pycache__", ".*"),
        )
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(staging, 0o777 & ~mask)  # mkdtemp made it private
        if dest.exists():
            dest.rmdir()  # empty, checked above
        os.rename(staging, dest)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    written = sorted(str(p.relative_to(dest)) for p in dest.rglob("*") if p.is_file())
    return written
