"""`batch` (score and rank every unit of a province) and `results` (query the results store)."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from cchc_index.cli.common import (
    ENGINE,
    JOBS,
    LANG,
    OUTPUT,
    RULES_DIR,
    Database,
    emit,
    reports_errors,
)
from cchc_index.errors import ExitCode
from cchc_index.i18n import tr

FORMATS = ["table", "markdown", "json", "csv", "html", "docx", "pdf", "xlsx"]
FORMAT = click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help=tr(
        "Dạng kết quả; mặc định theo đuôi tệp -o (.txt, .md, .json, .csv, .html, .docx, .pdf, "
        ".xlsx), nếu không thì bảng; docx, pdf và xlsx cần -o TỆP; đuôi lạ bị từ chối.",
        "Output format; by default from the -o file's suffix (.txt, .md, .json, .csv, .html, "
        ".docx, .pdf, .xlsx), else a table; docx, pdf and xlsx need -o FILE; an unknown suffix "
        "is refused.",
    ),
)
DB = click.option(
    "--db",
    type=Database(),
    default=None,
    help=tr(
        "Tệp SQLite lưu mọi lần chạy (tạo nếu chưa có); kết quả không đổi thì dùng lại.",
        "SQLite file remembering every run (created if missing); unchanged units are reused.",
    ),
)


def _format(fmt: str | None, output: Path | None) -> str:
    """The ranking format asked for (`--format`, else the -o suffix, else a table); a binary
    format without -o is a usage error (exit 2), refused before any unit is scored."""
    from cchc_index.output import refuse_suffix
    from cchc_index.report.ranking import FILE_ONLY, SUFFIXES

    if output is not None:  # an unknown suffix is refused with the list, as `score` does
        fmt = refuse_suffix(output, SUFFIXES, fmt)
    chosen = fmt or "table"
    if output is None and chosen in FILE_ONLY:
        raise click.UsageError(
            tr(f"dạng {chosen} cần -o TỆP", f"the {chosen} format needs -o FILE")
        )
    return chosen


def _day(value: str | None) -> dt.date:
    from cchc_index.text import parse_date

    if value is None:
        return dt.date.today()
    try:
        return parse_date(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--on") from exc


class _Bar:
    """A progress line on stderr, only when stderr is a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total == 0:
            return
        filled = 30 * done // total
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


@click.command(
    help=tr(
        "Chấm và xếp hạng mọi bộ minh chứng trong các thư mục (mỗi bộ theo bộ chỉ số ghi trong "
        "profile.yaml). Bộ sai được liệt kê kèm vị trí lỗi và không làm dừng cả lượt; khi đó "
        "mã thoát là 7.",
        "Score and rank every evidence bundle under the folders (each against the framework its "
        "profile.yaml names). An invalid bundle is listed with its located errors and the batch "
        "goes on; the exit code is then 7.",
    )
)
@click.argument(
    "folders",
    nargs=-1,
    required=True,
    type=click.Path(path_type=Path, file_okay=False, exists=True),
)
@RULES_DIR
@JOBS
@DB
@OUTPUT
@FORMAT
@ENGINE
@click.option("--quiet", "-q", is_flag=True, help=tr("Không in thanh tiến độ.", "No progress bar."))
@click.option(
    "--province",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    help=tr(
        "Tệp của tỉnh (province.yaml) định nghĩa các khối xếp hạng riêng (sở, phường, xã…).",
        "The province's file (province.yaml) defining the blocks ranked apart (sở, phường, xã…).",
    ),
)
@click.option(
    "--plan-next",
    is_flag=True,
    help=tr(
        "Thêm bảng: mỗi đơn vị cần bao nhiêu điểm, bao nhiêu việc (chi phí) để lên mức kế trên "
        "(như `plan --to next`; dạng table hoặc markdown).",
        "Add a table: the points and the actions (cost) each unit needs for the band above its "
        "own (as `plan --to next`; table or markdown format).",
    ),
)
@click.option(
    "--on",
    "on",
    default=None,
    help=tr(
        "Ngày xét hạn cho --plan-next (dd/mm/yyyy, mặc định hôm nay).",
        "The day deadlines are judged on for --plan-next (dd/mm/yyyy, default today).",
    ),
)
@LANG
@reports_errors
def batch(
    folders: tuple[Path, ...],
    rules_dir: Path | None,
    jobs: int | None,
    db: Path | None,
    output: Path | None,
    fmt: str | None,
    engine: str,
    quiet: bool,
    province: Path | None,
    plan_next: bool,
    on: str | None,
) -> None:
    from cchc_index.province.blocks import load_province
    from cchc_index.province.runner import run_batch
    from cchc_index.province.store import Store
    from cchc_index.report.ranking import RANKING_RENDERERS

    fmt = _format(fmt, output)
    if rules_dir is not None and not rules_dir.is_dir():  # one error, not one a bundle
        from cchc_index.errors import Problem, RuleError

        raise RuleError(
            [
                Problem(
                    str(rules_dir),
                    1,
                    1,
                    tr(
                        "không có thư mục bộ chỉ số này (--rules-dir)",
                        "no such framework folder (--rules-dir)",
                    ),
                )
            ]
        )
    blocks = load_province(province) if province is not None else None
    day = _day(on)
    if plan_next and fmt not in ("table", "markdown"):
        raise click.UsageError(
            tr(
                "--plan-next chỉ đi với dạng table hoặc markdown",
                "--plan-next goes with the table or markdown format only",
            )
        )
    store = Store.open(db) if db is not None else None
    try:
        ranking = run_batch(
            folders,
            rules_dir,
            engine=engine,  # type: ignore[arg-type]
            jobs=jobs or os.cpu_count() or 1,
            store=store,
            progress=_Bar(not quiet),
            province=blocks,
        )
    finally:
        if store is not None:
            store.close()
    for failed in ranking.failed:
        click.echo(
            tr(f"Không chấm được {failed.folder}:", f"Not scored: {failed.folder}:"), err=True
        )
        for problem in failed.problems:
            click.echo(f"  {problem}", err=True)
    _warn_twice(ranking.rows)
    text = RANKING_RENDERERS[fmt](ranking)
    if plan_next:
        from cchc_index.province.plan_next import next_bands
        from cchc_index.report.plan import render_next_bands

        found = next_bands(ranking.rows, rules_dir, day, engine)  # type: ignore[arg-type]
        assert isinstance(text, str)  # table and markdown are text
        text = f"{text}\n{render_next_bands(found, day, fmt)}"
    emit(text, output)
    reused = sum(1 for r in ranking.rows if r.reused)
    if not quiet:
        click.echo(
            tr(
                f"{len(ranking.rows)} đơn vị được xếp hạng ({reused} dùng lại kết quả đã lưu), "
                f"{len(ranking.failed)} bộ minh chứng lỗi.",
                f"{len(ranking.rows)} unit(s) ranked ({reused} reused from the store), "
                f"{len(ranking.failed)} invalid bundle(s).",
            ),
            err=True,
        )
    sys.exit(ExitCode.UNITS_FAILED if ranking.failed else ExitCode.OK)


def _warn_twice(rows: Sequence[Any]) -> None:
    """The same unit and year from two folders: both are ranked, and the user is told."""
    seen: dict[tuple[str, int], list[str]] = {}
    for row in rows:
        seen.setdefault((row.score.unit.casefold(), row.score.year), []).append(row.score.folder)
    for (_, year), folders in sorted(seen.items()):
        if len(folders) > 1:
            unit = next(r.score.unit for r in rows if r.score.folder == folders[0])
            click.echo(
                tr(
                    f"cảnh báo: '{unit}' năm {year} có trong {len(folders)} thư mục: "
                    f"{', '.join(folders)}; cả hai đều được xếp hạng",
                    f"warning: '{unit}' {year} is in {len(folders)} folders: "
                    f"{', '.join(folders)}; both are ranked",
                ),
                err=True,
            )


@click.group(
    help=tr(
        "Đọc cơ sở dữ liệu kết quả của `batch --db`: xếp hạng một năm, lịch sử một đơn vị, "
        "phân bố điểm của từng mục.",
        "Query the results store of `batch --db`: a year's ranking, a unit's history, "
        "the distribution of each item's points.",
    )
)
def results() -> None:
    pass


def _open(db: Path):  # type: ignore[no-untyped-def]
    from cchc_index.errors import EvidenceError, Problem
    from cchc_index.province.store import Store

    if not db.is_file():
        raise EvidenceError(
            [Problem(str(db), 1, 1, tr("không có tệp cơ sở dữ liệu", "no such database file"))]
        )
    return Store.open(db)


DB_REQUIRED = click.option("--db", type=Database(), required=True)


@results.command(
    help=tr(
        "Xếp hạng của một năm (lần chạy xong gần nhất).", "A year's ranking (last finished run)."
    )
)
@DB_REQUIRED
@click.option("--year", type=int, default=None)
@OUTPUT
@FORMAT
@LANG
@reports_errors
def ranking(db: Path, year: int | None, output: Path | None, fmt: str | None) -> None:
    from cchc_index.province.queries import ranking_of_year
    from cchc_index.report.ranking import RANKING_RENDERERS

    chosen = _format(fmt, output)
    store = _open(db)
    try:
        emit(RANKING_RENDERERS[chosen](ranking_of_year(store, year)), output)
    finally:
        store.close()


@results.command(help=tr("Điểm của một đơn vị qua các năm.", "A unit's results over the years."))
@click.argument("unit")
@DB_REQUIRED
@click.option(
    "--unit-map",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    help=tr(
        "Bảng đơn vị cũ → đơn vị mới sau sắp xếp (unit-map.yaml): kèm lịch sử các đơn vị cũ.",
        "Old units → the new merged unit (unit-map.yaml): the old units' years are shown too.",
    ),
)
@LANG
@reports_errors
def history(unit: str, db: Path, unit_map: Path | None) -> None:
    from cchc_index.province.queries import folders_named
    from cchc_index.province.queries import history as unit_history
    from cchc_index.province.unitmap import load_unit_map
    from cchc_index.report.labels import pct, pts
    from cchc_index.text import fold, format_date

    merged = load_unit_map(unit_map).before(unit) if unit_map is not None else []
    store = _open(db)
    try:
        found = unit_history(store, unit, [old for old, _m in merged])
        folders = folders_named(store, unit)
    finally:
        store.close()
    if len(folders) > 1:
        click.echo(
            tr(
                f"cảnh báo: tên '{unit}' là của {len(folders)} đơn vị khác thư mục "
                f"({', '.join(folders)}); mỗi năm dưới đây lấy kết quả chạy sau cùng",
                f"warning: the name '{unit}' belongs to {len(folders)} units in different "
                f"folders ({', '.join(folders)}); each year below is the last run's result",
            ),
            err=True,
        )
    into = {fold(old): m for old, m in merged if fold(old) != fold(unit)}
    if not found:
        click.echo(tr(f"Không có kết quả nào của '{unit}'.", f"No result for '{unit}'."), err=True)
        sys.exit(ExitCode.FINDINGS)
    for s in found:
        band = f" — {s.band}" if s.band else ""
        merger = into.get(fold(s.unit))
        when = f" {format_date(merger.date)}" if merger is not None and merger.date else ""
        later = (
            tr(f"  → sáp nhập vào {merger.into}{when}", f"  → merged into {merger.into}{when}")
            if merger is not None
            else ""
        )
        click.echo(
            f"{s.year}  {s.unit}  {pts(s.total)}/{pts(s.max_points)}  {pct(s.index_percent)}{band}"
            f"  ({s.framework}; {tr('thiếu', 'missing')} {s.missing}){later}"
        )


@results.command(
    help=tr(
        "Phân bố điểm của từng mục trên các đơn vị, mục mất nhiều điểm nhất trước.",
        "Each item's points across units, the items losing the most points first.",
    )
)
@DB_REQUIRED
@click.option("--year", type=int, default=None)
@click.option("--node", default=None, help=tr("Chỉ một mục.", "One item only."))
@click.option(
    "--raise-bands",
    is_flag=True,
    help=tr(
        "Thay vào đó: mỗi việc còn làm được, nếu mọi đơn vị còn làm được đều làm, nâng bao nhiêu "
        "đơn vị lên mức kế trên (đọc lại các bộ minh chứng của lần chạy gần nhất).",
        "Instead: each action still open, taken by every unit that can, and how many units it "
        "raises a band (re-reads the bundles of the latest run).",
    ),
)
@click.option(
    "--on", "on", default=None, help=tr("Ngày xét hạn (dd/mm/yyyy).", "The day (dd/mm/yyyy).")
)
@RULES_DIR
@ENGINE
@LANG
@reports_errors
def items(
    db: Path,
    year: int | None,
    node: str | None,
    raise_bands: bool,
    on: str | None,
    rules_dir: Path,
    engine: str,
) -> None:
    from tabulate import tabulate

    from cchc_index.province.queries import item_spreads
    from cchc_index.report.labels import pts

    if raise_bands:
        _raise_bands(db, year, _day(on), rules_dir, engine)
        return
    store = _open(db)
    try:
        spreads = [s for s in item_spreads(store, year) if node is None or s.node == node]
    finally:
        store.close()
    rows = [
        [
            s.node,
            s.title,
            pts(s.max_points),
            f"{s.units_losing}/{s.units}",
            pts(s.lost),
            "; ".join(f"{pts(p)}: {n}" for p, n in sorted(s.points.items(), reverse=True)),
            "; ".join(f"{k}: {n}" for k, n in sorted(s.statuses.items())),
        ]
        for s in spreads
    ]
    header = [
        tr("Mục", "Item"),
        tr("Tên", "Title"),
        tr("Tối đa", "Max"),
        tr("Số ĐV mất điểm", "Units losing"),
        tr("Tổng điểm mất", "Points lost"),
        tr("Điểm: số ĐV", "Points: units"),
        tr("Trạng thái: số ĐV", "Status: units"),
    ]
    click.echo(tabulate(rows, header, tablefmt="simple_grid", maxcolwidths=[None, 40]))


def _raise_bands(db: Path, year: int | None, on: dt.date, rules_dir: Path, engine: str) -> None:
    from cchc_index.province.plan_next import band_raisers
    from cchc_index.province.queries import ranking_of_year
    from cchc_index.report.plan import render_raisers

    store = _open(db)
    try:
        ranking = ranking_of_year(store, year)
    finally:
        store.close()
    raisers, failed = band_raisers(ranking.rows, rules_dir, on, engine)  # type: ignore[arg-type]
    for line in failed:
        click.echo(tr(f"Không đọc được {line}", f"Not read: {line}"), err=True)
    click.echo(render_raisers(raisers, on), nl=False)
