"""cchc-index: score a unit's evidence bundle against its province's PAR Index framework.

The public API, imported on first use so that `import cchc_index` stays cheap:

    from cchc_index import load_framework, open_unit, evaluate, render
    source, bundle = open_unit(Path("evidence/quang-an-2020"), None, Path("rules"))
    result = evaluate(source.framework, bundle)
    print(render(result, "markdown"))

- `load_framework(folder)` → `FrameworkSource` (the validated `Framework` and its positions);
- `load_bundle(folder)` → the validated `Bundle`; `read_bundle(folder)` → `BundleSource` (the
  bundle, its located files and its warnings); `open_unit(folder, rules, rules_dir)` loads a
  bundle with the framework it names and cross-checks them;
- `Scorer(framework, engine)` compiles once and `.evaluate(bundle)` scores a unit;
  `evaluate(framework, bundle)` does both;
- `render(result, fmt, lang)` → text in one of `RENDERERS` (table, markdown, json, csv);
- `review_unit(folder, rules, rules_dir)` → a `Review`: the unit's self layer and its appraisal
  (appraisal.yaml) as `layered` (self, rounds, survey, final; `layered.final` is a `Result`);
  `Reviewer(rules_dir)` keeps one Scorer per framework for many units;
  `produce(review, fmt)` → the reviewed unit in any format of `report/formats.py`;
  `layered(framework, result, appraisal)` builds the layers of a result;
  `diff_results(a, b, label_a, label_b)` and `diff_frameworks(a, b)` → a `Diff`;
- `CchcError` is the root of every error reported to a user (RuleError, EvidenceError,
  SourceError, OutputError, OutputExists, EnvironmentProblem, EngineError); its `exit_code` is
  an `ExitCode`.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "CchcError": "cchc_index.errors",
    "ExitCode": "cchc_index.errors",
    "Problem": "cchc_index.errors",
    "load_framework": "cchc_index.load.rules",
    "load_bundle": "cchc_index.load.bundle",
    "read_bundle": "cchc_index.load.bundle",
    "BundleSource": "cchc_index.load.bundle",
    "open_unit": "cchc_index.load.unit",
    "Scorer": "cchc_index.scoring.evaluate",
    "evaluate": "cchc_index.scoring.evaluate",
    "Result": "cchc_index.model.result",
    "RENDERERS": "cchc_index.report.render",
    "render": "cchc_index.report.render",
    "review_unit": "cchc_index.service.review",
    "Reviewer": "cchc_index.service.review",
    "produce": "cchc_index.service.outputs",
    "layered": "cchc_index.scoring.layers",
    "diff_results": "cchc_index.scoring.diff",
    "diff_frameworks": "cchc_index.scoring.diff",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'cchc_index' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
