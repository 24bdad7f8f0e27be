"""A deployment's folder (DATA_DIR) and what `server init` puts in it.

    DATA_DIR/server.json     settings: the store's URL, the host names served, limits (0600)
    DATA_DIR/secret.key      the key that signs session cookies (0600)
    DATA_DIR/store.sqlite3   the default store (absent with --db postgresql://…)
    DATA_DIR/rules/          the frameworks, copied from --rules-dir
    DATA_DIR/units/<id>/     each unit's working bundle (the CLI reads it as it is)
    DATA_DIR/submissions/    each submission's bundle as submitted, never changed afterwards
    DATA_DIR/audit-witness.log  the audit trail's heads, one line per committed change (audit.py)

Every name under DATA_DIR is the server's own (a unit's id is its bundle's folder name,
checked when the unit is created; uploaded evidence is named by its sha256).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from cchc_index.errors import EvidenceError, OutputError, Problem
from cchc_index.i18n import tr
from cchc_index.output import refuse_inputs, write_atomic
from cchc_index.server import audit
from cchc_index.server.db import make_engine, normal_url, now, sqlite_url, upgrade
from cchc_index.server.schema import settings, units
from cchc_index.shipped import search_path
from cchc_index.source import load_yaml, shown

CONFIG = "server.json"
SECRET = "secret.key"
SQLITE = "store.sqlite3"
UNIT_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,119}$")
BUNDLE_FILES = (
    "profile.yaml",
    "documents.csv",
    "links.csv",
    "photos.csv",
    "statistics.yaml",
    "declarations.yaml",
    "appraisal.yaml",
)
EVIDENCE_DIRS = ("photos", "files", "documents", "evidence")


@dataclass
class Deployment:
    root: Path
    config: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def open(cls, root: Path) -> Deployment:
        path = root / CONFIG
        if not path.is_file():
            raise OutputError(
                [
                    Problem(
                        str(root),
                        1,
                        1,
                        tr(
                            f"không phải thư mục triển khai (thiếu {CONFIG}); hãy chạy `cchc-index server init {root}` trước",
                            f"not a deployment folder ({CONFIG} missing); run `cchc-index server init {root}` first",
                        ),
                    )
                ]
            )
        return cls(root.resolve(), json.loads(path.read_text(encoding="utf-8")))

    @property
    def units_dir(self) -> Path:
        return self.root / "units"

    @property
    def rules_dir(self) -> Path:
        return self.root / "rules"

    @property
    def submissions_dir(self) -> Path:
        return self.root / "submissions"

    @property
    def flash_dir(self) -> Path:
        """Messages waiting for the page after a save (`server/flashes.py`)."""
        return self.root / "flash"

    @property
    def url(self) -> str:
        url = str(self.config.get("db") or sqlite_url(self.root / SQLITE))
        return normal_url(url)

    @property
    def witness_path(self) -> Path:
        return self.root / audit.WITNESS

    @cached_property
    def engine(self) -> sa.Engine:
        """The store, each committed audit head written to the witness file after it."""
        engine = make_engine(self.url)
        audit.witness(engine, self.witness_path)
        return engine

    def upgrade(self) -> None:
        """The newest schema; a store audited before the witness existed starts one."""
        upgrade(self.engine)
        audit.start_witness(self.engine, self.witness_path)

    @property
    def secret(self) -> str:
        return (self.root / SECRET).read_text(encoding="ascii").strip()

    @property
    def hosts(self) -> frozenset[str]:
        return frozenset(str(h).lower() for h in self.config.get("hosts", []))

    @property
    def max_upload_mb(self) -> int:
        return int(self.config.get("max_upload_mb", 20))

    @property
    def idle_minutes(self) -> int:
        return int(self.config.get("idle_minutes", 30))

    @property
    def secure_cookies(self) -> bool:
        return bool(self.config.get("secure_cookies", False))

    def unit_folder(self, unit_id: str) -> Path:
        if not UNIT_ID.match(unit_id):
            raise KeyError(unit_id)
        return self.units_dir / unit_id


def _problem(path: Path, vi: str, en: str) -> OutputError:
    return OutputError([Problem(str(path), 1, 1, tr(vi, en))])


def bundles_in(evidence: Path) -> list[Path]:
    """The bundle folders of `evidence`: itself, its children, or its grandchildren (a folder
    of provinces), each a folder holding profile.yaml; sorted, hidden folders left out."""
    if (evidence / "profile.yaml").is_file():
        return [evidence]
    found: list[Path] = []
    for child in sorted(evidence.iterdir()):
        if child.name.startswith(".") or not child.is_dir() or child.is_symlink():
            continue
        if (child / "profile.yaml").is_file():
            found.append(child)
        else:
            found.extend(
                g
                for g in sorted(child.iterdir())
                if g.is_dir()
                and not g.is_symlink()
                and not g.name.startswith(".")
                and (g / "profile.yaml").is_file()
            )
    return found


def _copy_tree(source: Path, target: Path, inputs: list[Path], skip: tuple[str, ...] = ()) -> None:
    """The regular files of a folder (no links, no hidden files, none named in `skip`), each
    written atomically."""
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if any(part.startswith(".") for part in relative.parts) or path.is_symlink():
            continue
        if relative.as_posix() in skip:
            continue
        if path.is_file():
            out = target / relative
            refuse_inputs(out, inputs)
            out.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(out, path.read_bytes())


def _profile(folder: Path) -> tuple[str, str, int]:
    data = load_yaml(folder / "profile.yaml", shown(folder / "profile.yaml")).data
    if not isinstance(data, dict):
        raise EvidenceError(
            [
                Problem(
                    shown(folder / "profile.yaml"), 1, 1, tr("hồ sơ đơn vị trống", "empty profile")
                )
            ]
        )
    return (
        str(data.get("name", folder.name)),
        str(data.get("framework", "")),
        int(data.get("year", 0)),
    )


def init(
    root: Path, db: str | None, evidence: Path | None, rules_dir: Path | None, hosts: list[str]
) -> Deployment:
    """Create the deployment: settings, key, schema (migrated), frameworks and units. Without
    `rules_dir`, the frameworks of the search path's first folder that has one (./rules, the
    user's folder, the package's)."""
    if rules_dir is None:
        rules_dir = default_rules_dir()
    if (root / CONFIG).exists():
        raise _problem(
            root / CONFIG,
            "đã có một triển khai ở đây; dùng `server upgrade` để nâng cấp lược đồ",
            "a deployment is already here; use `server upgrade` to migrate its schema",
        )
    if not rules_dir.is_dir():
        raise _problem(rules_dir, "không có thư mục bộ chỉ số", "no such rules folder")
    sources = bundles_in(evidence) if evidence is not None else []
    names = [f.name for f in sources]
    for folder in sources:
        if names.count(folder.name) > 1:
            raise _problem(folder, "hai đơn vị cùng tên thư mục", "two units share a folder name")
        if not UNIT_ID.match(folder.name):
            raise _problem(
                folder,
                "tên thư mục đơn vị chỉ gồm chữ thường không dấu, số, '.', '-', '_'",
                "a unit's folder name may hold only lower-case ASCII letters, digits, '.', '-', '_'",
            )
    root.mkdir(parents=True, exist_ok=True)
    config: dict[str, Any] = {
        "db": db or None,
        "hosts": sorted({"127.0.0.1", "localhost", *(h.lower() for h in hosts)}),
        "max_upload_mb": 20,
        "idle_minutes": 30,
        "secure_cookies": False,
    }
    write_atomic(root / SECRET, secrets.token_urlsafe(48) + "\n")
    os.chmod(root / SECRET, 0o600)
    write_atomic(root / CONFIG, json.dumps(config, indent=2, ensure_ascii=False) + "\n")
    os.chmod(root / CONFIG, 0o600)
    deployment = Deployment(root.resolve(), config)
    inputs = [rules_dir, *sources]
    _copy_tree(rules_dir, deployment.rules_dir, inputs)
    deployment.units_dir.mkdir(exist_ok=True)
    deployment.submissions_dir.mkdir(exist_ok=True)
    upgrade(deployment.engine)
    with deployment.engine.begin() as conn:
        conn.execute(settings.insert().values(key="created", value=now()))
        audit.append(conn, "cli", "init", str(root.name), detail=f"units={len(sources)}")
    for folder in sources:
        add_unit(deployment, folder, inputs)
    return deployment


def add_unit(deployment: Deployment, folder: Path, inputs: list[Path]) -> str:
    unit_id = folder.name
    target = deployment.unit_folder(unit_id)
    if target.exists():
        shutil.rmtree(target)
    # The appraisal is entered on the server (its rows write appraisal.yaml); one brought
    # along would stand beside rows that do not know it.
    _copy_tree(folder, target, inputs, skip=("appraisal.yaml",))
    name, framework, year = _profile(target)
    from cchc_index.load.digest import bundle_sha256

    with deployment.engine.begin() as conn:
        conn.execute(
            units.insert().values(
                id=unit_id,
                name=name,
                framework=framework,
                year=year,
                status="draft",
                updated=now(),
            )
        )
        audit.append(conn, "cli", "unit.create", unit_id, after=bundle_sha256(target))
    return unit_id


def upgrade_store(root: Path) -> Deployment:
    deployment = Deployment.open(root)
    deployment.upgrade()
    return deployment


def default_rules_dir() -> Path:
    """The first folder of the frameworks' search path (no --rules-dir) that holds one:
    ./rules, the user's frameworks folder, the package's."""
    for folder, _ in search_path(None):
        if folder.is_dir() and any(folder.glob("*/framework.y*ml")):
            return folder
    return Path("rules")  # none anywhere: `init` says this folder is missing
