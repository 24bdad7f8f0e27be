"""Validation problems as JUnit XML, the format CI systems display."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from cchc_index.errors import Problem


def junit(results: list[tuple[str, list[Problem]]]) -> str:
    """One test case per framework folder; a failure lists that folder's problems."""
    suite = ET.Element("testsuite", name="cchc-index validate", tests=str(len(results)))
    suite.set("failures", str(sum(1 for _, problems in results if problems)))
    for name, problems in results:
        case = ET.SubElement(suite, "testcase", classname="rules", name=name)
        if problems:
            failure = ET.SubElement(case, "failure", message=f"{len(problems)} problem(s)")
            failure.text = "\n".join(p.format() for p in problems)
    return ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"


def junit_cases(outcomes: list[tuple[str, str, str, str | None]], broken: dict[str, str]) -> str:
    """`test --format junit`: one test case per rule case (framework, id, file:line, failure
    or None); a framework that could not be loaded is one failing case with its problems."""
    suite = ET.Element("testsuite", name="cchc-index test", tests=str(len(outcomes) + len(broken)))
    suite.set("failures", str(sum(1 for *_, why in outcomes if why) + len(broken)))
    for framework, case_id, where, why in outcomes:
        case = ET.SubElement(suite, "testcase", classname=framework, name=case_id, file=where)
        if why:
            failure = ET.SubElement(case, "failure", message=why)
            failure.text = f"{where}: {why}"
    for folder, problems in broken.items():
        case = ET.SubElement(suite, "testcase", classname="rules", name=folder)
        failure = ET.SubElement(case, "failure", message="invalid framework")
        failure.text = problems
    return ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"
