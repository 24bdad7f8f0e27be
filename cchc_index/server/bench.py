"""`server bench`: a bounded load run on 127.0.0.1 (docs/server.md "Đo dưới tải").

A temporary deployment with one unit per simulated officer (copies of the sample province's
bundles), `server run` in its own process, then asyncio clients: each officer logs in and
saves links (a save, then the page with the new score: the time of both is "save and
rescore"), each reviewer reads the ranking page. At most `users` officers work at once, each
pausing `think` seconds before each action, as locust's users do; with no pause the run
measures the server's capacity instead. Afterwards every save the server acknowledged (303)
must be in its unit's links.csv: nothing acknowledged may be lost.
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cchc_index.server.accounts import add_user
from cchc_index.server.deployment import bundles_in, init

PASSWORD = "bench-password-1"


@dataclass
class Figures:
    save: list[float] = field(default_factory=list)  # seconds
    ranking: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    saved: list[tuple[str, str]] = field(default_factory=list)  # (unit, url) acknowledged
    lost: int = 0
    wall: float = 0.0


def _quantile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def summary(f: Figures) -> str:
    def line(name: str, values: list[float]) -> str:
        ms = [v * 1000 for v in values]
        return (
            f"{name}: n={len(ms)} p50={_quantile(ms, 0.5):.0f} ms p95={_quantile(ms, 0.95):.0f} ms"
            + (f" mean={statistics.fmean(ms):.0f} ms" if ms else "")
        )

    return "\n".join(
        [
            line("save+rescore", f.save),
            line("ranking page", f.ranking),
            f"errors: {len(f.errors)}" + (f" (first: {f.errors[0]})" if f.errors else ""),
            f"acknowledged saves: {len(f.saved)}, lost: {f.lost}",
            f"wall: {f.wall:.1f} s, saves per second: {len(f.save) / f.wall if f.wall else 0:.1f}",
        ]
    )


def prepare(root: Path, sample: Path, rules: Path, officers: int, reviewers: int) -> list[str]:
    """A deployment of `officers` units (copies of the sample bundles) and the accounts."""
    source = root / "evidence"
    bundles = bundles_in(sample)
    for i in range(officers):
        shutil.copytree(
            bundles[i % len(bundles)],
            source / f"don-vi-{i + 1:03d}",
            ignore=shutil.ignore_patterns("appraisal.yaml"),
        )
    deployment = init(root / "data", None, source, rules, [])
    ids = [f"don-vi-{i + 1:03d}" for i in range(officers)]
    with deployment.engine.begin() as conn:
        for i, unit_id in enumerate(ids):
            add_user(conn, f"o{i + 1:03d}", "officer", PASSWORD, [unit_id], "bench")
        for r in range(reviewers):
            add_user(conn, f"r{r + 1}", "reviewer", PASSWORD, [], "bench")
    deployment.engine.dispose()
    return ids


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _token(text: str, name: str = "csrf") -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', text)
    return found.group(1) if found else ""


async def _login(client: Any, login: str) -> None:
    page = await client.get("/login")
    answer = await client.post(
        "/login", data={"csrf": _token(page.text), "login": login, "password": PASSWORD}
    )
    if answer.status_code != 303:
        raise RuntimeError(f"login {login}: {answer.status_code}")


@dataclass(frozen=True)
class Load:
    """The simulated people: `officers` units, at most `users` officers working at once (each
    logs in, then saves `saves` times, thinking `think` seconds before each save, like locust's
    users), and `reviewers` who read the ranking `reads` times with the same pauses. `think`
    (0, 0) sends every request as soon as the last one is answered: the server's capacity."""

    officers: int = 170
    users: int = 50
    reviewers: int = 5
    saves: int = 10
    reads: int = 10
    think: tuple[float, float] = (2.0, 10.0)
    ramp: float = 10.0  # seconds over which the first `users` arrive (locust's spawn rate)
    seed: int = 2026


async def _officer(
    base: str,
    n: int,
    unit_id: str,
    load: Load,
    pause: random.Random,
    seats: asyncio.Semaphore,
    figures: Figures,
) -> None:
    import httpx2

    if n <= load.users:  # the first ones arrive over the ramp, the others as seats free
        await asyncio.sleep(load.ramp * (n - 1) / load.users)
    async with seats, httpx2.AsyncClient(base_url=base, timeout=120) as client:
        try:
            await _login(client, f"o{n:03d}")
        except Exception as exc:  # counted: the run goes on
            figures.errors.append(f"login o{n:03d}: {exc!r}")
            return
        for k in range(load.saves):
            url = f"https://bench.example.gov.vn/{unit_id}/{k}"
            try:
                page = await client.get(f"/u/{unit_id}/r/links")
                await asyncio.sleep(pause.uniform(*load.think))  # typing the record
                data = {
                    "csrf": _token(page.text),
                    "base": _token(page.text, "base"),
                    "url": url,
                    "title": f"Tin bài {k}",
                    "for": "1.4.2",
                }
                start = time.perf_counter()
                answer = await client.post(f"/u/{unit_id}/r/links", data=data)
                if answer.status_code != 303:
                    figures.errors.append(f"save {unit_id}: {answer.status_code}")
                    continue
                shown = await client.get(answer.headers["location"])
                figures.save.append(time.perf_counter() - start)
                figures.saved.append((unit_id, url))
                if shown.status_code != 200:
                    figures.errors.append(f"page {unit_id}: {shown.status_code}")
            except Exception as exc:  # counted: the run goes on
                figures.errors.append(f"{unit_id}: {exc!r}")


async def _reviewer(base: str, n: int, load: Load, pause: random.Random, figures: Figures) -> None:
    import httpx2

    async with httpx2.AsyncClient(base_url=base, timeout=120) as client:
        await asyncio.sleep(load.ramp * n / (load.reviewers + 1))
        try:
            await _login(client, f"r{n}")
        except Exception as exc:
            figures.errors.append(f"login r{n}: {exc!r}")
            return
        for _ in range(load.reads):
            try:
                await asyncio.sleep(pause.uniform(*load.think))
                start = time.perf_counter()
                answer = await client.get("/ranking")
                figures.ranking.append(time.perf_counter() - start)
                if answer.status_code != 200:
                    figures.errors.append(f"ranking: {answer.status_code}")
            except Exception as exc:
                figures.errors.append(f"ranking: {exc!r}")


async def _load(base: str, ids: list[str], load: Load) -> Figures:
    figures = Figures()
    seats = asyncio.Semaphore(load.users)
    pauses = random.Random(load.seed)  # the same pauses on every run: runs compare
    start = time.perf_counter()
    await asyncio.gather(
        *(
            _officer(base, i + 1, u, load, random.Random(pauses.random()), seats, figures)
            for i, u in enumerate(ids)
        ),
        *(
            _reviewer(base, r + 1, load, random.Random(pauses.random()), figures)
            for r in range(load.reviewers)
        ),
    )
    figures.wall = time.perf_counter() - start
    return figures


def run(sample: Path, rules: Path, load: Load, workers: int = 2) -> Figures:
    with tempfile.TemporaryDirectory(prefix="cchc-bench-server-") as tmp:
        root = Path(tmp)
        ids = prepare(root, sample, rules, load.officers, load.reviewers)
        port = _free_port()
        command = [
            sys.executable,
            "-m",
            "cchc_index",
            "server",
            "run",
            str(root / "data"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ]
        process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        try:
            base = f"http://127.0.0.1:{port}"
            _wait(base, process)
            figures = asyncio.run(_load(base, ids, load))
        finally:
            process.terminate()
            process.wait(30)
        for unit_id, url in figures.saved:
            text = (root / "data" / "units" / unit_id / "links.csv").read_text(encoding="utf-8")
            figures.lost += url not in text
        return figures


def _wait(base: str, process: subprocess.Popen[bytes]) -> None:
    import urllib.request

    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(base + "/login", timeout=5):
                return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the server did not start") from None
            time.sleep(0.3)
