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
