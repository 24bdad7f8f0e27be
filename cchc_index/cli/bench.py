"""`bench`: the performance measurement (never a timed test)."""

from __future__ import annotations

from pathlib import Path

import click

from cchc_index.cli.common import LANG, reports_errors
from cchc_index.i18n import tr


def _sizes(_ctx: click.Context, _param: click.Parameter, value: str) -> list[int]:
    try:
        sizes = [int(s) for s in value.split(",") if s.strip()]
    except ValueError:
        sizes = []
    if not sizes or min(sizes) < 1:
        raise click.BadParameter(
            tr(
                f"'{value}': cần các số nguyên dương cách nhau bằng dấu phẩy, ví dụ 100,1000",
                f"'{value}': expected positive whole numbers separated by commas, e.g. 100,1000",
            )
        )
    return sizes


@click.command(
    help=tr(
        "Đo hiệu năng trên một tỉnh tổng hợp (không phải kiểm thử có giới hạn thời gian).",
        "Benchmark a synthetic province (a measurement, not a timed test).",
    )
)
@click.option(
    "--sizes",
    default="100,1000,3321",
    show_default=True,
    callback=_sizes,
    help=tr("Số đơn vị mỗi lượt, cách nhau bằng dấu phẩy.", "Units per run, comma-separated."),
)
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64))
@click.option(
    "--rounds",
    default=3,
    show_default=True,
    type=click.IntRange(1, 20),
    help=tr("Số lượt xen kẽ mỗi cỡ (lấy trung vị).", "Interleaved rounds per size (medians)."),
)
@click.option(
    "--sample",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("evidence/quang-an-2020"),
    show_default=True,
    help=tr(
        "Bộ minh chứng để đo thời gian khởi động lạnh.", "Bundle for the cold-start measurement."
    ),
)
@click.option(
    "--baseline",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=None,
    help=tr(
        "Thư mục mã nguồn của một phiên bản trước (ví dụ `git worktree add /tmp/cu <commit>`) "
        "để đo xen kẽ với mã hiện tại trên cùng dữ liệu.",
        "Source tree of an earlier version (e.g. `git worktree add /tmp/old <commit>`), "
        "measured back to back with this code on the same data.",
    ),
)
@click.option(
    "--plan",
    "plan_only",
    is_flag=True,
    help=tr(
        "Chỉ đo thời gian lập kế hoạch (plan): 100 tiêu chí, 40 việc còn mở.",
        "Only time the planner (plan): 100 items, 40 open actions.",
    ),
)
@LANG
@reports_errors
def bench(
    sizes: list[int],
    workers: int,
    rounds: int,
    sample: Path,
    baseline: Path | None,
    plan_only: bool,
) -> None:
    from cchc_index.bench.plan import measure_plan
    from cchc_index.bench.run import cold_start, measure

    if plan_only:
        measure_plan(click.echo, rounds=max(rounds, 5))
        return
    measure_plan(click.echo)

    measure(sizes, workers, click.echo, baseline, rounds)
    if (sample / "profile.yaml").is_file():
        if baseline is not None:  # alternate old and new so both see the same machine load
            old, new = [], []
            for _ in range(5):
                old.append(cold_start(sample, 1, baseline))
                new.append(cold_start(sample, 1))
            click.echo(
                f"cold_start_score_s={sorted(new)[2]:.3f} cold_start_today_s={sorted(old)[2]:.3f}"
                f" ratio={sorted(new)[2] / sorted(old)[2]:.2f}"
            )
        else:
            click.echo(f"cold_start_score_s={cold_start(sample):.3f}")
