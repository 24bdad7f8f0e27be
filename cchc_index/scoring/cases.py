"""Rule tests as data: `<area>.cases.yaml` beside each area file, run through the engine."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from pydantic import Field, TypeAdapter, ValidationError

from cchc_index.errors import Problem, RuleError
from cchc_index.fields import Strict
from cchc_index.i18n import tr
from cchc_index.load.pydantic_problems import field_names, problems_from
from cchc_index.load.rules import FrameworkSource, is_cases, load_framework
from cchc_index.model.bundle import Bundle, Declarations, Document, Item, Profile, Statistic
from cchc_index.model.result import LeafResult, Status
from cchc_index.scoring.evaluate import EngineName, Scorer
from cchc_index.source import SourceError, load_yaml, shown
from cchc_index.suggest import suggest


class CaseEvidence(Strict):
    documents: tuple[Document, ...] = ()
    statistics: dict[str, Statistic] = Field(default_factory=dict)
    links: tuple[Item, ...] = ()
    photos: tuple[Item, ...] = ()
    declarations: Declarations = Declarations()


class Expect(Strict):
    points: Decimal
    status: Status | None = None
    missing: tuple[str, ...] | None = None


class Case(Strict):
    name: str = Field(pattern=r"^[a-z0-9][a-z0-9\-_.]*$")
    node: str
    evidence: CaseEvidence = CaseEvidence()
    expect: Expect
    note: str | None = None


CASE_LIST = TypeAdapter(tuple[Case, ...])
NAMES = field_names([Case])


@dataclass(frozen=True)
class LoadedCase:
    framework: str
    file: str
    line: int
    case: Case

    @property
    def id(self) -> str:
        return f"{self.framework}/{self.case.node}/{self.case.name}"


@dataclass(frozen=True)
class Outcome:
    case: LoadedCase
    passed: bool
    got: LeafResult
    why: str


def load_cases(source: FrameworkSource) -> list[LoadedCase]:
    """Every case of a framework folder; RuleError with every problem in the case files."""
    problems: list[Problem] = []
    found: list[LoadedCase] = []
    ids = {leaf.id: leaf for _, _, leaf in source.framework.leaves()}
    ids |= {unit.id: unit for _, _, _, unit in source.framework.units()}  # a part: "1.1.1#a"
    for path in sorted(p for p in source.folder.iterdir() if is_cases(p) and p.is_file()):
        try:
            src = load_yaml(path, shown(path))
            parsed = CASE_LIST.validate_python(src.data or [])
        except SourceError as exc:
            problems.extend(exc.problems)
            continue
        except ValidationError as exc:
            problems.extend(problems_from(exc, src, NAMES, prefix=()))
            continue
        names: set[str] = set()
        for i, case in enumerate(parsed):
            line = src.where((i,))[0]
            if case.node not in ids:
                problems.append(
                    src.problem(
                        (i, "node"),
                        tr(
                            f"mục '{case.node}' không có trong bộ chỉ số{suggest(case.node, ids)}",
                            f"node '{case.node}' is not in the framework{suggest(case.node, ids)}",
                        ),
                    )
                )
            elif case.expect.missing:
                known = {p.id for u in ids[case.node].units() for p in u.evidence} | {"tu-danh-gia"}
                for j, pid in enumerate(case.expect.missing):
                    if pid not in known:
                        problems.append(
                            src.problem(
                                (i, "expect", "missing", j),
                                tr(
                                    f"sản phẩm '{pid}' không có ở mục {case.node}{suggest(pid, known)}",
                                    f"product '{pid}' is not in node {case.node}{suggest(pid, known)}",
                                ),
                            )
                        )
            for table in ("documents", "links", "photos"):
                for j, row in enumerate(getattr(case.evidence, table)):
                    for node in row.for_:
                        if node not in ids:  # the case would test a link that counts for nothing
                            problems.append(
                                src.problem(
                                    (i, "evidence", table, j, "for"),
                                    tr(
                                        f"'for' ghi mục '{node}' không được chấm trong bộ chỉ số{suggest(node, ids)}",
                                        f"'for' names '{node}', not a scored node of the framework{suggest(node, ids)}",
                                    ),
                                )
                            )
            if case.name in names:
                problems.append(
                    src.problem(
                        (i, "name"),
                        tr(f"tên ca '{case.name}' bị trùng", f"duplicate case name '{case.name}'"),
                    )
                )
            names.add(case.name)
            found.append(LoadedCase(source.framework.meta.id, src.path, line, case))
    if problems:
        raise RuleError(problems)
    return found


def case_bundle(source: FrameworkSource, case: Case) -> Bundle:
    meta = source.framework.meta
    ev = case.evidence
    profile = Profile(
        name="Đơn vị thử nghiệm",
        level=meta.level,
        province=meta.province,
        year=meta.year,
        framework=meta.id,
    )
    return Bundle(
        profile=profile,
        documents=ev.documents,
        statistics=ev.statistics,
        links=ev.links,
        photos=ev.photos,
        declarations=ev.declarations,
    )


def run_cases(folder: Path, engine: EngineName = "durable") -> list[Outcome]:
    """Load a framework and run all its cases; RuleError if the framework or a case is bad."""
    source = load_framework(folder)
    cases = load_cases(source)
    scorer = Scorer(source.framework, engine)
    outcomes = []
    for loaded in cases:
        result = scorer.evaluate(case_bundle(source, loaded.case))
        outcomes.append(_judge(loaded, find_result(result.leaves, loaded.case.node)))
    return outcomes


def find_result(leaves: tuple[LeafResult, ...], node_id: str) -> LeafResult:
    """The result of a scored node, or of one of its parts ("1.1.1#a")."""
    return next(r for leaf in leaves for r in (leaf, *leaf.parts) if r.id == node_id)


def _judge(loaded: LoadedCase, got: LeafResult) -> Outcome:
    expect = loaded.case.expect
    wrong = []
    if got.points != expect.points:
        wrong.append(
            tr(
                f"điểm {got.points} (cần {expect.points})",
                f"points {got.points} (expected {expect.points})",
            )
        )
    if expect.status is not None and got.status is not expect.status:
        wrong.append(
            tr(
                f"trạng thái '{got.status.value}' (cần '{expect.status.value}')",
                f"status '{got.status.value}' (expected '{expect.status.value}')",
            )
        )
    if expect.missing is not None and set(got.missing) != set(expect.missing):
        wrong.append(
            tr(
                f"thiếu {sorted(got.missing)} (cần {sorted(expect.missing)})",
                f"missing {sorted(got.missing)} (expected {sorted(expect.missing)})",
            )
        )
    why = "; ".join(wrong)  # the CLI adds the reason sentence (a renderer's words)
    return Outcome(loaded, not wrong, got, why)
