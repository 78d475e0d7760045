"""The incremental preview under a real `mkdocs serve`: after each kind of edit, every page
that shows the edited input shows the edit (never the previous build's page), the search
index follows, and pages the edit does not affect are kept rather than rendered again."""

# ruff: noqa: F811  # `serve` is test_preview's fixture, imported to be used as one

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from sitebuild import ROOT
from test_preview import wait_for

sys.path.insert(0, str(ROOT / "benchmarks"))
import generate
from test_preview import serve  # noqa: F401  # the fixture that starts `mkdocs serve`


def claims_yaml(project: Path) -> Path:
    return project / "content" / "claims.yaml"


def edit(project: Path, old: str, new: str) -> None:
    path = claims_yaml(project)
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def entry(pattern: str, text: str, start: int = 0) -> re.Match[str]:
    found = re.compile(pattern, re.MULTILINE).search(text, start)
    assert found is not None
    return found


def builds(log: Path) -> int:
    """How many builds kept pages: the incremental path ran."""
    return len(re.findall(r"preview: \d+ generated pages rendered, [1-9]\d* unchanged and kept", log.read_text("utf-8")))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    generate.generate(20, tmp_path, seed=4)
    return tmp_path


def search_titles(serve) -> list[str]:  # type: ignore[no-untyped-def]
    status, body = serve("/search/search_index.json")
    assert status == 200
    return [doc["title"] for doc in json.loads(body)["docs"]]


def test_claim_and_entity_edits_show_on_every_page_that_shows_them(project: Path, serve) -> None:  # type: ignore[no-untyped-def]
    log = project / "serve.log"
    text = claims_yaml(project).read_text("utf-8")
    claim = entry(r'^  - id: (\S+)\n    text: "([^"]*)"\n    about: \[([a-z0-9-]+)', text, text.index("\nclaims:"))
    person = entry(rf'^  - id: ({claim[3]})\n    name: "([^"]*)"', text)
    folders = ("people", "organizations", "countries", "events")
    section = max(folders, key=lambda s: text.rfind(f"\n{s}:", 0, person.start()))  # the section the entity is listed in
    wait_for(serve, f"/claims/{claim[1]}/", lambda body: "<h1" in body, log)
    before = len(search_titles(serve))

    edit(project, f'text: "{claim[2]}"', f'text: "{claim[2]} Edited-statement"')
    wait_for(serve, f"/claims/{claim[1]}/", lambda body: "Edited-statement" in body, log)
    assert "Edited-statement" in wait_for(serve, f"/{section}/{claim[3]}/", lambda body: True, log)  # the entity's page lists it
    claims_index = "".join(get_all_pages(serve, "/claims/"))
    assert "Edited-statement" in claims_index
    assert builds(log) >= 1

    edit(project, f'name: "{person[2]}"', f'name: "{person[2]} Renamedperson"')
    wait_for(serve, f"/{section}/{claim[3]}/", lambda body: "Renamedperson" in body, log)
    assert "Renamedperson" in wait_for(serve, f"/claims/{claim[1]}/", lambda body: True, log)  # the claim's page names it
    assert "Renamedperson" in "".join(get_all_pages(serve, f"/{section}/"))
    titles = search_titles(serve)
    assert f"{person[2]} Renamedperson" in titles and person[2] not in titles
    assert len(titles) == before
    assert builds(log) >= 2


def get_all_pages(serve, first: str) -> list[str]:  # type: ignore[no-untyped-def]
    """An index and its later pages."""
    pages, number = [], 2
    status, body = serve(first)
    while status == 200:
        pages.append(body)
        status, body = serve(f"{first}page/{number}/")
        number += 1
    return pages


def test_an_added_then_removed_claim_appears_and_disappears(project: Path, serve) -> None:  # type: ignore[no-untyped-def]
    log = project / "serve.log"
    text = claims_yaml(project).read_text("utf-8")
    claim = entry(r'^  - id: (\S+)\n    text: "([^"]*)"\n', text, text.index("\nclaims:"))
    end = text.index("\n  - id:", claim.end())
    added = text[claim.start() : end + 1].replace(f"id: {claim[1]}\n", "id: added-claim\n", 1).replace(claim[2], "An added claim Zqx")
    wait_for(serve, f"/claims/{claim[1]}/", lambda body: "<h1" in body, log)

    edit(project, text[claim.start() : end + 1], text[claim.start() : end + 1] + added)
    wait_for(serve, "/claims/added-claim/", lambda body: "An added claim Zqx" in body, log)
    assert "An added claim Zqx" in "".join(get_all_pages(serve, "/claims/"))
    assert "An added claim Zqx" in search_titles(serve)

    edit(project, added, "")
    wait_for(serve, "/claims/", lambda body: "<h1" in body and serve("/claims/added-claim/")[0] == 404, log)
    assert "An added claim Zqx" not in "".join(get_all_pages(serve, "/claims/"))
    assert "An added claim Zqx" not in search_titles(serve)
    assert builds(log) >= 1


def test_a_quote_broken_in_its_article_shows_the_error_and_the_fix_the_site(project: Path, serve) -> None:  # type: ignore[no-untyped-def]
    log = project / "serve.log"
    text = claims_yaml(project).read_text("utf-8")
    found = entry(r'^  - id: (\S+)\n(?:    .*\n)*?        quote: "([^".]{20,})', text, text.index("\nclaims:"))
    article = entry(r"article: (\S+)", text, found.start())[1]
    path = project / "content" / "articles" / f"{article}.md"
    body = path.read_text("utf-8")
    word = max(found[2].split(), key=len)
    wait_for(serve, f"/articles/{article}/", lambda page: "<h1" in page, log)

    path.write_text(body.replace(word, word + "zz"), "utf-8")
    wait_for(serve, "/", lambda page: "The dossier has errors" in page, log)
    # While the dossier has errors, a generated page is its last version without errors, under a banner.
    status, page = serve(f"/claims/{found[1]}/")
    assert status == 200 and "The generated pages are those of the last version without errors" in page
    assert "quote not found in article" in wait_for(serve, "/problems/", lambda page: True, log)
    path.write_text(body + "\n\nA fixed closing paragraph.\n", "utf-8")
    wait_for(serve, f"/articles/{article}/", lambda page: "A fixed closing paragraph." in page, log)
    assert "The dossier has errors" not in wait_for(serve, f"/claims/{found[1]}/", lambda page: "<h1" in page, log)
    path.write_text(body + "\n\nAnother closing paragraph.\n", "utf-8")  # after the full build, incremental again
    wait_for(serve, f"/articles/{article}/", lambda page: "Another closing paragraph." in page, log)
    assert builds(log) >= 1


def test_the_data_exports_follow_edits_saved_one_right_after_another(project: Path, serve) -> None:  # type: ignore[no-untyped-def]
    # A build that starts while the last one's exports are being written cancels them
    # (exports.py): the exports must still end up those of the last edit.
    log = project / "serve.log"
    text = claims_yaml(project).read_text("utf-8")
    claim = entry(r'^  - id: (\S+)\n    text: "([^"]*)"', text, text.index("\nclaims:"))
    wait_for(serve, "/dossier.json", lambda body: claim[2] in body, log)
    for number in range(1, 4):
        edit(project, f'text: "{claim[2]}', f'text: "{claim[2]} Save{number}')
        wait_for(serve, f"/claims/{claim[1]}/", lambda body, n=number: f"Save{n}" in body, log)  # the next save: right away
    exported = wait_for(serve, "/dossier.json", lambda body: "Save3 Save2 Save1" in body, log)
    assert json.loads(exported)["claims"]
    assert builds(log) >= 3
