"""The repository's own dossier passes `dossier check --strict`, as a pull request requires.

Only invariants of content/ are asserted here (it holds whatever the analysts curated); facts
about a known dossier are asserted of the sample copy, tests/fixtures/sample.
"""

from __future__ import annotations

from pathlib import Path

from conftest import describe

from dossier.check import check_content

CONTENT = Path(__file__).resolve().parent.parent / "content"


def test_repository_content_has_no_errors() -> None:
    result = check_content(CONTENT)
    assert result.ok, describe(result.errors)
    assert result.analysis is not None
    assert not result.warnings, describe(result.warnings)  # each fixed, or accepted where it is written
    assert set(result.analysis.assessments) == set(result.dossier.claims if result.dossier else ())  # every claim assessed
