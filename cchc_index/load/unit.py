"""The plain Python API under the CLI: load a bundle with its framework, score, check."""

from __future__ import annotations

from pathlib import Path

from cchc_index.errors import EvidenceError, Problem
from cchc_index.i18n import tr
from cchc_index.load.against import check_against
from cchc_index.load.bundle import BundleSource, read_bundle
from cchc_index.load.framework_cache import load_framework_cached, load_framework_kept
from cchc_index.load.rules import FrameworkSource, load_framework
from cchc_index.model.bundle import Bundle
from cchc_index.output import current
from cchc_index.shipped import Located, locate_framework, searched_text
from cchc_index.source import shown


def find_framework(
    bundle: Bundle,
    folder: Path,
    rules: Path | None,
    rules_dir: Path | None,
    *,
    cache: bool = False,
    kept: bool = False,
) -> FrameworkSource:
    """The framework named by --rules, else the one the bundle's profile names in rules_dir
    (`cache`: through the framework cache of `score` and `check`; `kept`: kept in memory
    while its files are unchanged, for a long-running server)."""
    load = load_framework_kept if kept else load_framework_cached if cache else load_framework
    current().add_input(folder, rules)  # nothing this run writes may land on what it reads
    if rules is not None:
        resolved = resolve_rules(rules, rules_dir)
        current().add_input(resolved)
        return load(resolved)
    if bundle.profile.framework is None:
        raise EvidenceError(
            [
                Problem(
                    shown(folder / "profile.yaml"),
                    1,
                    1,
                    tr(
                        "hồ sơ không ghi 'framework'; hãy thêm hoặc dùng --rules",
                        "the profile names no 'framework'; add one or pass --rules",
                    ),
                )
            ]
        )
    found = locate_framework(bundle.profile.framework, rules_dir)
    if found is None:
        where = searched_text(rules_dir)
        raise EvidenceError(
            [
                Problem(
                    shown(folder / "profile.yaml"),
                    1,
                    1,
                    tr(
                        f"không tìm thấy bộ chỉ số '{bundle.profile.framework}' (đã tìm trong {where}); dùng --rules hoặc --rules-dir",
                        f"framework '{bundle.profile.framework}' not found (looked in {where}); pass --rules or --rules-dir",
                    ),
                )
            ]
        )
    current().add_input(found.path)
    return load(found.path)


def resolve_rules(rules: Path, rules_dir: Path | None = None) -> Path:
    """`--rules`: a framework folder, or a plain id looked up like a profile's `framework`."""
    return locate_rules(rules, rules_dir).path


def locate_rules(rules: Path, rules_dir: Path | None = None) -> Located:
    """`resolve_rules`, saying where the framework was found."""
    if rules.is_dir() or len(rules.parts) != 1:
        return Located(rules, "path")
    found = locate_framework(str(rules), rules_dir)
    return found if found is not None else Located(rules, "path")


def open_unit(
    folder: Path, rules: Path | None, rules_dir: Path | None
) -> tuple[FrameworkSource, Bundle]:
    """Load and cross-check a bundle and its framework; errors name file, line and field."""
    framework, source = open_unit_source(folder, rules, rules_dir)
    return framework, source.bundle


def open_unit_source(
    folder: Path,
    rules: Path | None,
    rules_dir: Path | None,
    framework: FrameworkSource | None = None,
    *,
    cache: bool = False,
    kept: bool = False,
) -> tuple[FrameworkSource, BundleSource]:
    """`open_unit` keeping the bundle's positions and warnings; a framework already loaded
    (`explain`) is used as it is instead of being loaded again."""
    source = read_bundle(folder)
    if framework is None:
        framework = find_framework(source.bundle, folder, rules, rules_dir, cache=cache, kept=kept)
    check_against(source, framework.framework)
    return framework, source
