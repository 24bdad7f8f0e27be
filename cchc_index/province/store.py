"""The results store: one SQLite file remembering every batch run.

stdlib `sqlite3`, WAL, STRICT tables, the schema versioned by `PRAGMA user_version` and
brought up to date by the numbered migrations of `schema.py` (never edit one: add the next). Every
write is one transaction, so a run killed at any point leaves what was committed before it
intact and readable; a run that never finished keeps `finished` NULL and is ignored by the
queries, and re-running reuses what it had stored. Points are stored as decimal text, exact.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from cchc_index.errors import EvidenceError, Problem
from cchc_index.i18n import tr
from cchc_index.model.ranking import FailedUnit, UnitScore
from cchc_index.province.schema import MIGRATIONS


def _dec(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


@dataclass(frozen=True, slots=True)
class Scored:
    """A freshly scored unit with the hashes that key its reuse."""

    folder: str
    bundle_hash: str
    framework_ref: str
    framework_hash: str
    score: UnitScore


class Store:
    """An open results database (`Store.open`); every method is one transaction."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    @classmethod
    def open(cls, path: Path) -> Store:
        """Open (creating if needed) and migrate; a file that is not a store is a located error."""
        try:
            db = sqlite3.connect(path, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")  # WAL: a killed process loses nothing
            db.execute("PRAGMA foreign_keys=ON")
            store = cls(db)
            store._migrate()
        except sqlite3.DatabaseError as exc:
            raise EvidenceError(
                [
                    Problem(
                        str(path),
                        1,
                        1,
                        tr(
                            f"không mở được cơ sở dữ liệu kết quả: {exc}",
                            f"cannot open the results database: {exc}",
                        ),
                    )
                ]
            ) from exc
        return store

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise sqlite3.DatabaseError(
                tr(
                    f"lược đồ phiên bản {version} do một bản cchc-index mới hơn tạo (bản này biết tới {len(MIGRATIONS)})",
                    f"schema version {version} was made by a newer cchc-index (this one knows up to {len(MIGRATIONS)})",
                )
            )
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.transaction():
                for statement in filter(str.strip, script.split(";")):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version={number}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()

    def begin_run(self, engine: str, code: str, folders: Sequence[str]) -> int:
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO runs(started, engine, code_hash, folders) VALUES (?, ?, ?, ?)",
                (_now(), engine, code, json.dumps(list(folders), ensure_ascii=False)),
            )
        return int(cursor.lastrowid or 0)

    def finish_run(self, run_id: int) -> None:
        with self.transaction() as db:
            db.execute(
                """UPDATE runs SET finished = ?,
                   scored = (SELECT count(*) FROM run_units u JOIN assessments a
                             ON a.id = u.assessment_id WHERE u.run_id = runs.id AND a.run_id = runs.id),
                   reused = (SELECT count(*) FROM run_units u JOIN assessments a
                             ON a.id = u.assessment_id WHERE u.run_id = runs.id AND a.run_id <> runs.id),
                   failed = (SELECT count(*) FROM run_units u
                             WHERE u.run_id = runs.id AND u.assessment_id IS NULL)
                   WHERE id = ?""",
                (_now(), run_id),
            )

    def candidates(self, bundle_hash: str, code: str) -> list[tuple[int, str, str]]:
        """Stored assessments of these bundle bytes: (id, framework_ref, framework_hash)."""
        return self.db.execute(
            "SELECT id, framework_ref, framework_hash FROM assessments"
            " WHERE bundle_hash = ? AND code_hash = ? ORDER BY id DESC",
            (bundle_hash, code),
        ).fetchall()

    def record(
        self,
        run_id: int,
        code: str,
        scored: Sequence[Scored],
        reused: Sequence[tuple[str, int]] = (),
        failed: Sequence[FailedUnit] = (),
    ) -> None:
        """One chunk of a run, in one transaction: new results, reused ones, failures."""
        links = list(reused)
        with self.transaction() as db:
            for item in scored:
                s = item.score
                row = db.execute(
                    "SELECT id FROM assessments WHERE bundle_hash = ? AND framework_hash = ?"
                    " AND code_hash = ? AND layer = ?",
                    (item.bundle_hash, item.framework_hash, code, s.layer),
                ).fetchone()
                if row is None:
                    row = (self._insert(db, run_id, code, item),)
                links.append((item.folder, int(row[0])))
            db.executemany(
                "INSERT OR REPLACE INTO run_units(run_id, folder, assessment_id) VALUES (?, ?, ?)",
                [(run_id, folder, aid) for folder, aid in links],
            )
            db.executemany(
                "INSERT OR REPLACE INTO run_units(run_id, folder, problems) VALUES (?, ?, ?)",
                [
                    (run_id, f.folder, json.dumps(list(f.problems), ensure_ascii=False))
                    for f in failed
                ],
            )

    def _insert(self, db: sqlite3.Connection, run_id: int, code: str, item: Scored) -> int:
        s = item.score
        cursor = db.execute(
            """INSERT INTO assessments(run_id, bundle_hash, framework_hash, code_hash,
               framework_ref, framework, framework_title, unit, year, layer, total, max_points,
               index_percent, band, missing, level) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (
                run_id,
                item.bundle_hash,
                item.framework_hash,
                code,
                item.framework_ref,
                s.framework,
                s.framework_title,
                s.unit,
                s.year,
                s.layer,
                str(s.total),
                str(s.max_points),
                _text(s.index_percent),
                s.band,
                s.missing,
                s.level,
            ),
        )
        aid = int(cursor.lastrowid or 0)
        db.executemany(
            "INSERT INTO scores VALUES (?,?,?,?,?,?,?,?,?,?)",
            [(aid, seq, *node) for seq, node in enumerate(s.packed)],
        )
        return aid

    def load(self, assessment_id: int, folder: str) -> UnitScore:
        """A stored assessment as the `UnitScore` it was recorded from."""
        row = self.db.execute(
            "SELECT unit, year, framework, framework_title, total, max_points, index_percent,"
            " band, missing, layer, level FROM assessments WHERE id = ?",
            (assessment_id,),
        ).fetchone()
        nodes = tuple(
            self.db.execute(
                "SELECT node, kind, title, points, max_points, status, reason, index_percent"
                " FROM scores WHERE assessment_id = ? ORDER BY seq",
                (assessment_id,),
            )
        )
        unit, year, fw, title, total, top, index, band, missing, layer, level = row
        return UnitScore(
            folder, unit, year, fw, title, Decimal(total), Decimal(top), _dec(index), band,
            missing, layer, nodes, level,
        )  # fmt: skip

    def framework_ref(self, assessment_id: int) -> str:
        """The framework folder name a stored assessment was scored against."""
        row = self.db.execute(
            "SELECT framework_ref FROM assessments WHERE id = ?", (assessment_id,)
        ).fetchone()
        return str(row[0]) if row else ""

    def set_blocks(self, run_id: int, scores: Sequence[UnitScore]) -> None:
        """The block each unit of a run was ranked in, with the band its block gives."""
        with self.transaction() as db:
            db.executemany(
                "UPDATE run_units SET block = ?, block_title = ?, block_band = ?"
                " WHERE run_id = ? AND folder = ?",
                [(s.block, s.block_title, s.band, run_id, s.folder) for s in scores if s.block],
            )


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
