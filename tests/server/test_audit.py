"""The audit trail's witness: deleting the LAST rows (which leaves a chain that still
verifies) is found; so is an edited row, even the last one with its hash made anew; a head
kept elsewhere catches someone who rewrote both the table and the witness. SQLite and
PostgreSQL."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from cchc_index.cli.main import cli
from cchc_index.server import audit
from cchc_index.server.db import reading
from cchc_index.server.deployment import Deployment
from cchc_index.server.schema import audit as audit_table
from tests.server.conftest import app_of, login


def _verify(deployment: Deployment, *heads: str) -> tuple[int, str]:
    args = ["server", "audit-verify", str(deployment.root)]
    for head in heads:
        args += ["--head", head]
    result = CliRunner().invoke(cli, args)
    return result.exit_code, result.output


def _printed_head(output: str) -> str:
    return re.search(r"(\d+:[0-9a-f]{64})", output)[1]  # type: ignore[index]


def _last_id(deployment: Deployment) -> int:
    with reading(deployment.engine) as conn:
        return int(conn.execute(sa.select(sa.func.max(audit_table.c.id))).scalar_one())


def test_deleting_the_last_rows_is_found(deployment: Deployment) -> None:
    login(app_of(deployment), "officer")  # a login: one more row, its head witnessed
    login(app_of(deployment), "reviewer")
    code, output = _verify(deployment)
    assert code == 0, output
    head = _printed_head(output)
    assert head.split(":")[0] == str(_last_id(deployment))
    lines = deployment.witness_path.read_text(encoding="ascii").splitlines()
    assert lines[-1].startswith(head.replace(":", " ") + " ")  # the last commit's head
    last = _last_id(deployment)
    with deployment.engine.begin() as conn:
        conn.execute(audit_table.delete().where(audit_table.c.id == last))
    with deployment.engine.connect() as conn:
        assert audit.verify(conn).broken == []  # the chain alone cannot tell
    code, output = _verify(deployment)
    assert code == 1 and "its last rows were deleted" in output, output


def test_an_edited_row_is_found_even_the_last_with_its_hash_made_anew(
    deployment: Deployment,
) -> None:
    login(app_of(deployment), "officer")
    last = _last_id(deployment)
    with deployment.engine.begin() as conn:
        row = conn.execute(sa.select(audit_table).where(audit_table.c.id == last)).one()
        forged = audit.row_hash(
            row.prev, row.at, "someone-else", row.action, row.subject, row.before, row.after, ""
        )
        conn.execute(
            audit_table.update()
            .where(audit_table.c.id == last)
            .values(actor="someone-else", detail="", hash=forged)
        )
    with deployment.engine.connect() as conn:
        assert audit.verify(conn).broken == []  # a consistent forgery of the last row
    code, output = _verify(deployment)
    assert code == 1 and f"audit:{last}: row differs from the head witnessed" in output
    # an edit of an earlier row, its hash left alone, breaks the chain itself
    with deployment.engine.begin() as conn:
        conn.execute(audit_table.update().where(audit_table.c.id == 1).values(actor="x"))
    code, output = _verify(deployment)
    assert code == 1 and "audit:1: row edited" in output


def test_a_head_kept_elsewhere_catches_a_rewritten_witness(deployment: Deployment) -> None:
    login(app_of(deployment), "officer")
    kept = _printed_head(_verify(deployment)[1])
    # someone who can write both the store and the witness file removes the last row and
    # the witness's last line: the server alone cannot tell ...
    last = _last_id(deployment)
    with deployment.engine.begin() as conn:
        conn.execute(audit_table.delete().where(audit_table.c.id == last))
    lines = deployment.witness_path.read_text(encoding="ascii").splitlines(keepends=True)
    deployment.witness_path.write_text("".join(lines[:-1]), encoding="ascii")
    assert _verify(deployment)[0] == 0
    # ... the head printed with the published ranking, or kept on paper, can
    code, output = _verify(deployment, kept)
    assert code == 1 and "last rows were deleted" in output
    assert _verify(deployment, "12:not-a-hash")[0] == 2


def test_the_witness_follows_commits_only(deployment: Deployment) -> None:
    before = deployment.witness_path.read_bytes()
    with pytest.raises(RuntimeError), deployment.engine.begin() as conn:
        audit.append(conn, "test", "nothing", "rolled back")
        raise RuntimeError("the change fails after its audit row")
    assert deployment.witness_path.read_bytes() == before  # no head of a rolled-back row
    with deployment.engine.begin() as conn:
        savepoint = conn.begin_nested()
        audit.append(conn, "test", "nothing", "rolled back to a savepoint")
        savepoint.rollback()
    assert deployment.witness_path.read_bytes() == before
    with deployment.engine.begin() as conn:
        head = audit.append(conn, "test", "something", "committed")
    last = deployment.witness_path.read_text(encoding="ascii").splitlines()[-1]
    assert last.startswith(f"{head.row_id} {head.hash} ")
    code, output = _verify(deployment)  # PostgreSQL skipped an id: no break for that
    assert code == 0, output


def test_a_store_without_witness_gets_one_on_upgrade(sqlite_deployment: Deployment) -> None:
    sqlite_deployment.witness_path.unlink()
    code, output = _verify(sqlite_deployment)
    assert code == 1 and "audit-witness.log missing" in output
    upgraded = CliRunner().invoke(cli, ["server", "upgrade", str(sqlite_deployment.root)])
    assert upgraded.exit_code == 0
    code, output = _verify(sqlite_deployment)
    assert code == 0, output
