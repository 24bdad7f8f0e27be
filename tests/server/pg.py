"""A throwaway PostgreSQL cluster for the tests: Debian's server binaries, a temporary
folder, an unprivileged user (the tests may run as root), a Unix socket only (nothing listens
on the network), stopped at the end. Without the binaries the PostgreSQL tests are skipped,
except in CI (`CI` set), where scripts/system-packages.sh installs `postgresql`."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def need_postgres() -> Path:
    found = bin_dir()
    if found is None:
        reason = "PostgreSQL server binaries (initdb, pg_ctl) not found: scripts/system-packages.sh installs postgresql"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return found


def _as_user() -> tuple[list[str], str]:
    """(command prefix, user name): root runs the cluster as `nobody`."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "nobody", "--"], "nobody"
    return [], pwd.getpwuid(os.geteuid()).pw_name


@contextmanager
def cluster() -> Iterator[str]:
    """Start a cluster; yields a libpq URL base (`postgresql://user@/` + db + `?host=socket`)."""
    binaries = need_postgres()
    prefix, user = _as_user()
    root = Path(tempfile.mkdtemp(prefix="cchc-pg-"))
    data, socket_dir = root / "data", root / "sock"
    socket_dir.mkdir()
    if os.geteuid() == 0:
        info = pwd.getpwnam(user)
        for path in (root, socket_dir):
            os.chown(path, info.pw_uid, info.pw_gid)
    run = lambda *args: subprocess.run([*prefix, *args], check=True, capture_output=True)  # noqa: E731
    try:
        run(
            str(binaries / "initdb"),
            "-D",
            str(data),
            "-A",
            "trust",
            "-U",
            user,
            "-E",
            "UTF8",
            "--no-locale",
        )
        options = f"-c listen_addresses='' -k {socket_dir} -c fsync=off -c max_connections=200"
        run(
            str(binaries / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(root / "log"),
            "-w",
            "start",
        )
        try:
            yield f"postgresql://{user}@/{{db}}?host={socket_dir}"
        finally:
            run(str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
    finally:
        shutil.rmtree(root, ignore_errors=True)


def new_database(base: str) -> str:
    """A fresh database in the cluster; its URL."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base.format(db="postgres"), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return base.format(db=name)
