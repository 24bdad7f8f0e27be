"""The output gate: the one place that decides whether a file may be written.

Every file any command or the web writes goes through an `OutputGate` that knows the run's
inputs (files, and folders such as a bundle or a framework being read), its results database
and, for the web, the one folder it may write in. It refuses, with an `OutputError` (exit 2)
whose message names both paths, to write onto an input, into an input folder, onto the
database (or its `-wal`/`-shm`/`-journal` companions), into a folder that holds an input, or
(with `within`) anywhere outside that folder once symbolic links are resolved. The bytes are
then written by `cchc_index.atomic` (whole or not at all, never over a special file).

Using it (commands registered in `cli/main.py` get their gate for free, see below):

    from cchc_index.output import OutputGate, current, write_atomic

    gate = OutputGate(inputs=[bundle, rules], database=db)  # a gate of one's own (library, web)
    gate.check(path)                  # refuse early, before any work (exit 2)
    gate.write(path, content)         # str (UTF-8) or bytes, atomically
    gate.updates(bundle / "appraisal.yaml")  # the one file inside an input the run rewrites
    gate.write_folder(folder, {"a.yaml": "..."}, force=False)  # import-framework's folder
    current().add_input(folder)       # a loader met one more input (a bundle under `batch`)
    write_atomic(path, content)       # = current().write(path, content)

The CLI builds the run's gate from the command's own click parameters (`cli.common`): every
`click.Path` parameter is an input, except those typed `OutputFile` (`-o FILE`),
`OutputFolder` (`-o FOLDER`) and `Database` (`--db`), which are checked before the command
runs. A new command or option is thus covered without touching this module; the test
`tests/test_output_gate.py` enumerates them from the CLI and fails on one it cannot classify.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from cchc_index.atomic import _write_through, write_file
from cchc_index.errors import OutputError, Problem
from cchc_index.i18n import tr
from cchc_index.text import control_chars, safe_text

__all__ = [
    "MANIFEST",
    "OutputGate",
    "ServingGate",
    "_write_through",
    "current",
    "refuse_inputs",
    "refuse_suffix",
    "run",
    "serving",
    "write_atomic",
]

MANIFEST = ".cchc-index-written.json"  # the files a folder writer wrote there, by name
_DB_COMPANIONS = ("", "-wal", "-shm", "-journal")


def _real(path: Path) -> Path:
    """`path` absolute with every symbolic link resolved (as far as it exists)."""
    try:
        return Path(os.path.realpath(path))
    except (OSError, ValueError):
        return Path(os.path.abspath(path))


def _refusal(output: Path, why_vi: str, why_en: str) -> OutputError:
    return OutputError([Problem(str(output), 1, 1, tr(why_vi, why_en))])


class OutputGate:
    """What a run may write (see the module docstring)."""

    def __init__(
        self,
        inputs: Iterable[Path | None] = (),
        database: Path | None = None,
        within: Path | None = None,
    ) -> None:
        self.inputs: list[Path] = []
        self.database = database
        self.within = within
        self._updated: set[Path] = set()
        self.add_input(*inputs)

    def add_input(self, *paths: Path | None) -> None:
        """More inputs of the run (files or folders); None is skipped."""
        self.inputs.extend(p for p in paths if p is not None and p not in self.inputs)

    def updates(self, path: Path) -> None:
        """Allow rewriting `path`, one file inside an input folder the run exists to update."""
        self._updated.add(Path(os.path.abspath(path)))

    # -- checks ------------------------------------------------------------------------------

    def _input_hit(self, target: Path, *, folder: bool) -> tuple[Path, str] | None:
        for given in self.inputs:
            source = _real(given)
            if target == source:
                return given, "is"
            if source.is_dir() and target.is_relative_to(source):
                return given, "in"
            if folder and source.is_relative_to(target):
                return given, "holds"
        return None

    def _refuse_input(self, output: Path, given: Path, how: str) -> OutputError:
        vi = {"is": "là", "in": "nằm trong", "holds": "chứa"}[how]
        en = {"is": "is", "in": "is inside", "holds": "holds"}[how]
        return _refusal(
            output,
            f"không ghi kết quả vào '{output}': nó {vi} '{given}', là dữ liệu đầu vào của lệnh "
            "này; hãy chọn tệp khác",
            f"not writing over '{output}': it {en} '{given}', an input of this command; "
            "choose another file",
        )

    def _refuse_database(self, output: Path, folder: bool) -> None:
        if self.database is None:
            return
        target = _real(output)
        db = _real(self.database)
        hit = any(target == db.with_name(db.name + c) for c in _DB_COMPANIONS)
        if hit or (folder and db.is_relative_to(target)):
            raise _refusal(
                output,
                f"không ghi kết quả vào '{output}': đó là cơ sở dữ liệu kết quả "
                f"'{self.database}' của lệnh này; hãy chọn tệp khác",
                f"not writing over '{output}': it is this command's results database "
                f"'{self.database}'; choose another file",
            )

    def _refuse_outside(self, output: Path) -> None:
        if self.within is None:
            return
        if not _real(output).is_relative_to(_real(self.within)):
            raise _refusal(
                output,
                f"'{output}' dẫn ra ngoài thư mục '{self.within}' (kể cả qua liên kết tượng "
                "trưng); không ghi vào đó",
                f"'{output}' leads outside the folder '{self.within}' (symbolic links "
                "included); not writing there",
            )

    def check(self, output: Path) -> None:
        """Refuse to write the file `output` (see the module docstring)."""
        target = _real(output)
        self._refuse_outside(output)
        self._refuse_database(output, folder=False)
        lexical = Path(os.path.abspath(output))
        if lexical in self._updated:
            if target == lexical:
                return
            raise _refusal(
                output,
                f"'{output}' là liên kết tượng trưng tới '{target}'; không ghi theo nó",
                f"'{output}' is a symbolic link to '{target}'; not written through",
            )
        hit = self._input_hit(target, folder=False) or self._input_hit(
            Path(os.path.abspath(output)), folder=False
        )
        if hit is not None:
            raise self._refuse_input(output, *hit)

    def check_folder(self, folder: Path) -> None:
        """Refuse to write files into `folder`: an input, inside one, or holding one."""
        self._refuse_outside(folder)
        self._refuse_database(folder, folder=True)
        hit = self._input_hit(_real(folder), folder=True)
        if hit is not None:
            raise self._refuse_input(folder, *hit)
        if folder.exists() and not folder.is_dir():
            raise _refusal(
                folder,
                f"'{folder}' không phải thư mục (tệp, ống hay thiết bị); không ghi các tệp vào đó",
                f"'{folder}' is not a folder (a file, pipe or device); not writing files into it",
            )

    def check_database(self, db: Path) -> None:
        """Refuse a results database that is an input or lies inside an input folder."""
        self._refuse_outside(db)
        hit = self._input_hit(_real(db), folder=False)
        if hit is not None:
            raise self._refuse_input(db, *hit)
        if db.exists() and not db.is_file():
            raise _refusal(
                db,
                f"'{db}' không phải tệp thường (thư mục, ống hay thiết bị); không dùng làm cơ sở "
                "dữ liệu",
                f"'{db}' is not a regular file (a folder, pipe or device); not used as a database",
            )

    # -- writing -----------------------------------------------------------------------------

    def write(self, path: Path, content: str | bytes) -> None:
        """Check `path`, then write `content` (text as UTF-8) whole or not at all; a control
        character in text is written as its visible escape (`\\x1b`), never raw."""
        self.check(path)
        if isinstance(content, str) and control_chars(content):
            content = safe_text(content)
        write_file(path, content)

    def append(self, path: Path, line: bytes) -> None:
        """Check `path`, then append `line` to it in one write (O_APPEND: lines written by
        several processes never interleave), creating it private (0600); a symbolic link at
        `path` is refused, never followed. For logs that only grow (the audit witness)."""
        self.check(path)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW, 0o600)
        try:
            os.write(fd, line)
        finally:
            os.close(fd)

    def write_folder(self, folder: Path, files: dict[str, str], force: bool) -> None:
        """All of `files` (name → text) in `folder`, or none. An existing non-empty folder is
        only replaced with `force`, and only when every file in it was written there by an
        earlier call (its manifest): a file of the user's is never deleted."""
        self.check_folder(folder)
        if folder.exists() and not folder.is_dir():
            raise _refusal(
                folder,
                f"'{folder}' là một tệp, không phải thư mục",
                f"'{folder}' is a file, not a folder",
            )
        present = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
        if present and not force:
            raise _refusal(
                folder,
                f"thư mục {folder} đã có tệp; dùng --force để ghi đè",
                f"folder {folder} is not empty; use --force to overwrite",
            )
        foreign = [n for n in present if n != MANIFEST and n not in _manifest(folder)]
        if foreign:
            shown = ", ".join(foreign[:5]) + (" …" if len(foreign) > 5 else "")
            raise _refusal(
                folder,
                f"--force chỉ thay các tệp do lần nhập trước ghi; thư mục {folder} còn có tệp "
                f"khác ({shown}); hãy chọn thư mục khác hoặc tự dời các tệp đó",
                f"--force only replaces files an earlier import wrote; folder {folder} holds "
                f"other files ({shown}); choose another folder or move them yourself",
            )
        _swap_in(folder, files)


def _manifest(folder: Path) -> set[str]:
    try:
        listed = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    files = listed.get("files", {}) if isinstance(listed, dict) else {}
    return {name for name in files if isinstance(name, str)}


def _swap_in(target: Path, files: dict[str, str]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        written: dict[str, str] = {}
        for name, text in files.items():
            data = text.encode("utf-8")
            (staging / name).write_bytes(data)
            os.chmod(staging / name, 0o644)
            written[name] = hashlib.sha256(data).hexdigest()
        (staging / MANIFEST).write_text(
            json.dumps({"written_by": "cchc-index", "files": written}, indent=1) + "\n",
            encoding="utf-8",
        )
        os.chmod(staging, 0o755)
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
            old.rmdir()
            target.rename(old)
            staging.rename(target)
            shutil.rmtree(old, ignore_errors=True)  # only files the manifest listed
        else:
            staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


# -- the run's gate -----------------------------------------------------------------------------


class _OpenGate(OutputGate):
    """The gate outside any command (a library call, a test): no inputs, and none kept."""

    def add_input(self, *paths: Path | None) -> None:
        return None


class ServingGate(OutputGate):
    """The gate of a page that serves for hours (`serve`, `server run`): the inputs and the
    folder it was started with, but not every bundle its loaders meet while it runs (thousands
    of them, staging folders included: kept, they would grow without end and slow each write).
    Each save checks its own inputs with its own gate (`web/edits.py`)."""

    @classmethod
    def of(cls, gate: OutputGate) -> ServingGate:
        serving = cls((), gate.database, gate.within)
        serving.inputs = list(gate.inputs)  # `add_input` keeps nothing: set them here
        serving._updated = set(gate._updated)
        return serving

    def add_input(self, *paths: Path | None) -> None:
        return None


_STACK: list[OutputGate] = [_OpenGate()]


def current() -> OutputGate:
    """The gate of the running command (an open one outside any command)."""
    return _STACK[-1]


@contextmanager
def run(gate: OutputGate) -> Iterator[OutputGate]:
    """Make `gate` the current one for the duration of a command."""
    _STACK.append(gate)
    try:
        yield gate
    finally:
        _STACK.remove(gate)


@contextmanager
def serving() -> Iterator[OutputGate]:
    """The current command's gate as a `ServingGate`, for as long as a page serves."""
    with run(ServingGate.of(current())) as gate:
        yield gate


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write `content` to `path` through the current run's gate."""
    current().write(path, content)


def refuse_inputs(output: Path, inputs: Iterable[Path | None]) -> None:
    """Refuse an output that is one of `inputs` (or inside an input folder); the inputs join
    the current run's gate, so later writes are refused the same way."""
    current().add_input(*inputs)
    OutputGate(inputs).check(output)
    current().check(output)


def refuse_suffix(output: Path, suffixes: dict[str, str], fmt: str | None) -> str | None:
    """The format for `output`'s suffix (None: no suffix, let the caller choose); refuse a
    suffix none of `suffixes` produces, or one of another format than the one asked for."""
    suffix = output.suffix.lower()
    if not suffix:
        return fmt
    known = ", ".join(sorted(suffixes))
    made = suffixes.get(suffix)
    if made is None or (fmt is not None and made != fmt and suffix != ".txt"):
        raise OutputError(
            [
                Problem(
                    str(output),
                    1,
                    1,
                    tr(
                        f"không tạo được tệp '{suffix}'"
                        + (f" dạng {fmt}" if fmt and made else "")
                        + f"; các đuôi làm được: {known}",
                        f"cannot produce a '{suffix}' file"
                        + (f" as {fmt}" if fmt and made else "")
                        + f"; suffixes it can: {known}",
                    ),
                )
            ]
        )
    return fmt or made
