"""One mistake, one error: a duplicate id is reported once, at its second definition, and
neither the references to it nor those to the renamed entry's old id are reported again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sitebuild import SAMPLE_CONTENT

from dossier.check import check_content


def seed_with(tmp_path: Path, old: str, new: str) -> Path:
    """The sample dossier with the entry `old` renamed `new`."""
    content = tmp_path / "content"
    shutil.copytree(SAMPLE_CONTENT, content)
    claims = content / "claims.yaml"
    text = claims.read_text("utf-8")
    assert f"  - id: {old}\n" in text
    claims.write_text(text.replace(f"  - id: {old}\n", f"  - id: {new}\n", 1), "utf-8")
    return content


@pytest.mark.parametrize("person", ["maria-kolesnikova", "alexander-lukashenko"])  # 24 and 63 errors before
def test_a_person_given_a_countrys_id_is_one_error(tmp_path: Path, person: str) -> None:
    result = check_content(seed_with(tmp_path, person, "belarus"))
    assert [p.code for p in result.problems] == ["duplicate-id"]
    error = result.problems[0]
    text = (tmp_path / "content" / "claims.yaml").read_text("utf-8").splitlines()
    # At the second definition (the country, after the people), naming the first.
    assert text[error.location.line - 1].strip() == "- id: belarus"
    assert "name: Belarus" in text[error.location.line]
    assert error.message.startswith("duplicate id 'belarus': already used at ")


def test_a_new_entry_with_an_existing_id_is_one_error(tmp_path: Path) -> None:
    content = seed_with(tmp_path, "boeing", "boeing")
    claims = content / "claims.yaml"
    claims.write_text(claims.read_text("utf-8").replace("people:\n", "people:\n  - id: belarus\n    name: Ivan Belarus\n\n", 1), "utf-8")
    assert [p.code for p in check_content(content).problems] == ["duplicate-id"]


def test_an_unknown_id_unrelated_to_the_duplicate_is_still_reported(tmp_path: Path) -> None:
    content = seed_with(tmp_path, "maria-kolesnikova", "belarus")
    claims = content / "claims.yaml"
    claims.write_text(claims.read_text("utf-8").replace("countries: [united-states]", "countries: [unitd-states]", 1), "utf-8")
    codes = sorted(p.code for p in check_content(content).problems)
    assert codes == ["duplicate-id", "unknown-id"]
