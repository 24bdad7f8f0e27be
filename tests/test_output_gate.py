"""Every command × every writing option × every kind of forbidden target: refused (exit 2),
and every input's bytes unchanged.

Commands and options are discovered from the CLI itself (`cli/main.py` COMMANDS and their
click parameters): a new command with a writing option, or a new option that writes, is tried
here at once; without a recipe below (how to call it on the samples) the test fails and says
so. A path option whose name says it writes but whose type does not (`OutputFile`,
`OutputFolder`, `Database`) fails too: the gate would take it for an input.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from cchc_index.cli.common import role_of
from cchc_index.cli.main import COMMANDS, cli
from cchc_index.errors import ExitCode

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "evidence" / "quang-an-2020"
SEED = ROOT / "tests" / "extract" / "seeds" / "001_fabfcb6c746946c4.txt"
WRITING = {"output", "output-folder", "database"}
WRITING_NAMES = ("output", "out", "db", "database", "dest", "target", "save")


def leaves() -> Iterator[tuple[tuple[str, ...], click.Command]]:
    """(path of names, command) of every runnable command, groups walked."""
    ctx = click.Context(cli)
    for name in sorted(COMMANDS):
        command = cli.get_command(ctx, name)
        assert command is not None
        yield from _walk((name,), command)


def _walk(
    path: tuple[str, ...], command: click.Command
) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    if isinstance(command, click.Group):
        for sub in sorted(command.commands):
            yield from _walk((*path, sub), command.commands[sub])
    else:
        yield path, command


def writing_options() -> list[tuple[tuple[str, ...], str, str]]:
    """(command path, option flag, role) of every option that writes."""
    found = []
    for path, command in leaves():
        for param in command.params:
            role = role_of(param)
            if role in WRITING:
                flag = max(param.opts, key=len) if param.opts else param.name or ""
                found.append((path, flag, role))
    return found


def test_every_path_option_that_writes_is_typed_so() -> None:
    """A path option named like an output but typed as a plain path would be an *input* to
    the gate, and its writes unchecked."""
    for path, command in leaves():
        for param in command.params:
            role = role_of(param)
            if role is None:
                continue
            names = {n.lstrip("-").lower() for n in [*param.opts, param.name or ""]}
            if names & set(WRITING_NAMES) or "o" in names:
                assert role in WRITING, f"{' '.join(path)} {param.opts}: typed as an input"


@dataclass
class World:
    root: Path  # a province folder holding one bundle
    bundle: Path
    rules_dir: Path
    rules: Path
    db: Path
    table: Path
    seed: Path
    outside: Path  # a folder of the user's that is no input

    def inputs(self) -> list[Path]:
        return [self.root, self.rules_dir, self.db, self.table, self.seed]


def snapshot(paths: list[Path]) -> dict[str, bytes]:
    seen: dict[str, bytes] = {}
    for base in paths:
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for p in files:
            if not p.is_symlink():
                seen[str(p)] = p.read_bytes()
    return seen


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    base = tmp_path_factory.mktemp("gate")
    root = base / "tinh"
    bundle = root / "quang-an"
    shutil.copytree(SAMPLE, bundle)
    rules_dir = base / "rules"
    shutil.copytree(ROOT / "rules", rules_dir)
    db = base / "ket-qua.db"
    made = CliRunner().invoke(
        cli, ["batch", str(root), "--rules-dir", str(rules_dir), "--db", str(db), "-j", "1", "-q"]
    )
    assert made.exit_code == 0, made.output
    from importer.tables import pl02_docx

    table = pl02_docx(base / "bang.docx")
    seed = base / "bao-cao.txt"
    shutil.copyfile(SEED, seed)
    outside = base / "khac"
    outside.mkdir()
    return World(root, bundle, rules_dir, rules_dir / "hue-xa-2020", db, table, seed, outside)


# How to call each writing option on the samples: the command line, with `{}` where the
# option's value goes. A new writing option needs one line here.
Recipe = Callable[[World], list[str]]
RECIPES: dict[tuple[tuple[str, ...], str], Recipe] = {
    (("validate",), "--output"): lambda w: ["validate", str(w.rules), "-o", "{}"],
    (("score",), "--output"): lambda w: [
        "score", str(w.bundle), "--rules-dir", str(w.rules_dir), "-o", "{}",
    ],
    (("batch",), "--output"): lambda w: [
        "batch", str(w.root), "--rules-dir", str(w.rules_dir), "--db", str(w.db), "-j", "1",
        "-q", "-o", "{}",
    ],
    (("batch",), "--db"): lambda w: [
        "batch", str(w.root), "--rules-dir", str(w.rules_dir), "-j", "1", "-q", "--db", "{}",
    ],
    (("results", "ranking"), "--output"): lambda w: [
        "results", "ranking", "--db", str(w.db), "-o", "{}",
    ],
    (("results", "ranking"), "--db"): lambda w: ["results", "ranking", "--db", "{}"],
    (("results", "history"), "--db"): lambda w: ["results", "history", "Quảng An", "--db", "{}"],
    (("results", "items"), "--db"): lambda w: ["results", "items", "--db", "{}"],
    (("diff",), "--output"): lambda w: [
        "diff", f"{w.bundle}@self", f"{w.bundle}@final", "--rules-dir", str(w.rules_dir),
        "-o", "{}",
    ],
    (("extract",), "--output"): lambda w: [
        "extract", str(w.seed), "--rules-dir", str(w.rules_dir), "--force", "-o", "{}",
    ],
    (("plan",), "--output"): lambda w: [
        "plan", str(w.bundle), "--rules-dir", str(w.rules_dir), "--format", "json", "-o", "{}",
    ],
    (("carry",), "--output"): lambda w: [
        "carry", str(w.bundle), "--to", str(w.rules), "--rules-dir", str(w.rules_dir), "-o", "{}",
    ],
    (("verify",), "--output"): lambda w: ["verify", str(w.bundle), "-o", "{}"],
    (("binder",), "--output"): lambda w: [
        "binder", str(w.bundle), "--rules-dir", str(w.rules_dir), "--no-pdf", "--no-verify",
        "-o", "{}",
    ],
    (("verify-eval",), "--output"): lambda w: ["verify-eval", "--count", "1", "-o", "{}"],
    (("test",), "--output"): lambda w: ["test", str(w.rules), "--format", "junit", "-o", "{}"],
    (("history",), "--output"): lambda w: ["history", str(w.bundle), "-o", "{}"],
    (("schema",), "--out"): lambda w: ["schema", "--out", "{}"],
    (("samples",), "folder"): lambda w: ["samples", "{}"],
    (("init-framework-repo",), "folder"): lambda w: [
        "init-framework-repo", "{}", "--rules-dir", str(w.rules_dir),
    ],
    (("import-framework",), "--output"): lambda w: [
        "import-framework", str(w.table), "--force", "-o", "{}",
    ],
}  # fmt: skip


def _inputs(argv: list[str]) -> list[Path]:
    """The paths a command line reads (everything in it that exists, `@layer` dropped)."""
    found = []
    for arg in argv:
        path = Path(arg.split("@")[0])
        if arg != "{}" and arg.startswith("/") and path.exists() and path not in found:
            found.append(path)
    return found


def _first_file(folder: Path) -> Path:
    for name in ("documents.csv", "framework.yaml"):
        hits = sorted(folder.rglob(name))
        if hits:
            return hits[0]
    return sorted(p for p in folder.rglob("*") if p.is_file())[0]


KINDS = [
    "an input file",
    "a file inside an input folder",
    "a new file inside an input folder",
    "the results database",
    "a FIFO nobody reads",
    "a symbolic link to an input",
    "an input folder",
    "a folder holding an input",
    "a link to an input folder",
]


def target_of(what: str, role: str, argv: list[str], tmp: Path) -> Path | None:
    """The forbidden place `what` for this command line, or None when it has none."""
    inputs = _inputs(argv)
    files = [p for p in inputs if p.is_file()]
    folders = [p for p in inputs if p.is_dir()]
    db = Path(argv[argv.index("--db") + 1]) if "--db" in argv else None
    if what == "an input file":
        return files[0] if files else None
    if what == "a file inside an input folder":
        return _first_file(folders[0]) if folders else None
    if what == "a new file inside an input folder":
        return folders[0] / "moi.db" if folders and role != "output-folder" else None
    if what == "the results database":
        return db if role != "database" else None
    if what == "a FIFO nobody reads":
        os.mkfifo(tmp / "ong")
        return tmp / "ong"
    if what == "a symbolic link to an input":
        if not files and not folders:
            return None
        (tmp / "lien-ket").symlink_to(files[0] if files else _first_file(folders[0]))
        return tmp / "lien-ket"
    if role != "output-folder":
        return None
    if what == "an input folder":
        return folders[0] if folders else None
    if what == "a folder holding an input":
        return (files or folders)[0].parent if files or folders else None
    if what == "a link to an input folder" and folders:
        (tmp / "thu-muc").symlink_to(folders[0])
        return tmp / "thu-muc"
    return None


CASES = [(path, flag, role, what) for path, flag, role in writing_options() for what in KINDS]


@pytest.mark.parametrize(
    ("path", "flag", "role", "what"),
    CASES,
    ids=[f"{' '.join(p)} {f} onto {w}" for p, f, _, w in CASES],
)
def test_no_writing_option_destroys_an_input(
    world: World, tmp_path: Path, path: tuple[str, ...], flag: str, role: str, what: str
) -> None:
    recipe = RECIPES.get((path, flag))
    assert recipe is not None, f"add a recipe for `{' '.join(path)} {flag}` to RECIPES"
    template = recipe(world)
    if what == "a FIFO nobody reads" and path in SLOW:
        pytest.skip(f"`{' '.join(path)}` does its (slow) work before it opens -o")
    target = target_of(what, role, template, tmp_path)
    if target is None:
        pytest.skip(f"`{' '.join(path)}` reads no input of this kind ({what})")
    inputs = _inputs(template)
    if what == "a FIFO nobody reads" and path == ("batch",):
        inputs = [p for p in inputs if p != world.db]  # stored, as asked, before -o is opened
    before = snapshot(inputs)
    argv = [str(target) if a == "{}" else a for a in template]
    run = CliRunner().invoke(cli, argv)
    assert run.exit_code == ExitCode.USAGE, (argv, run.output)
    assert "Traceback" not in run.output
    assert snapshot(inputs) == before, argv
    if what != "a FIFO nobody reads":
        assert str(target) in run.output, run.output


def test_every_recipe_is_for_an_option_that_exists() -> None:
    known = {(p, f) for p, f, _ in writing_options()}
    assert set(RECIPES) <= known, set(RECIPES) - known


SLOW = {("verify-eval",)}  # OCR of generated scans: tried for refusals only


def test_the_gate_lets_an_ordinary_output_through(world: World, tmp_path: Path) -> None:
    kept = [p for p in world.inputs() if p != world.db]  # `batch --db` adds its run there
    before = snapshot(kept)
    for (path, flag), recipe in RECIPES.items():
        if path in SLOW:
            continue
        role = dict(((p, f), r) for p, f, r in writing_options())[(path, flag)]
        target = tmp_path / "ra" / ("thu-muc" if role == "output-folder" else "ket-qua.txt")
        if role == "database":
            target = tmp_path / "ra" / f"{'-'.join(path)}.db"
            shutil.copyfile(world.db, target.parent.mkdir(exist_ok=True) or target)
        argv = [str(target) if a == "{}" else a for a in recipe(world)]
        run = CliRunner().invoke(cli, argv)
        assert run.exit_code in (ExitCode.OK, ExitCode.FINDINGS), (argv, run.output)
        shutil.rmtree(tmp_path / "ra", ignore_errors=True)
    assert snapshot(kept) == before
