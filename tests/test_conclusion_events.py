"""A claim's `conclusion` (contract v3), events covered by articles and listed by date, and the
claims index in pages short enough for a phone: from small dossiers written in tmp_path."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from conftest import BASE_ARTICLES, BASE_YAML, CLAIMS, assert_clean, edit, only_error
from sitebuild import MINIMAL_MKDOCS_YML, mkdocs_build, write_project

from dossier.export import export
from dossier.site.pages.index_pages import CLAIMS_INDEX_ROWS

CONCLUSION = "Two outlets give 52; none gives another number."
WITH_CONCLUSION = edit("    text: Belarus freed 52 prisoners.\n", f"    text: Belarus freed 52 prisoners.\n    conclusion: {CONCLUSION}\n")
# Events that no article names: the September release is covered through the claims about it.
EVENTS = """\
  - id: dec-2025-release
    name: December release
    date: 2025-12
    participants: [john-coale]
  - id: aug-2025-call
    name: A phone call
    date: {start: 2025-08-15, end: 2025-08-16}
  - id: early-2025-talks
    name: Zeta talks
    date: 2025
"""


def test_a_conclusion_is_loaded_and_exported(check) -> None:
    result = check(WITH_CONCLUSION)
    assert_clean(result)
    assert result.dossier.claims["release-count"].conclusion == CONCLUSION
    [claim] = export(result.dossier, result.analysis)["claims"]
    assert claim["conclusion"] == CONCLUSION
    [claim] = export(check(BASE_YAML).dossier, check(BASE_YAML).analysis)["claims"]
    assert claim["conclusion"] is None


@pytest.mark.parametrize("value", ["3", "''", "[a, b]"])
def test_a_conclusion_must_be_text(check, value: str) -> None:
    result = check(edit("    text: Belarus freed 52 prisoners.\n", f"    text: Belarus freed 52 prisoners.\n    conclusion: {value}\n"))
    problem = only_error(result)
    assert problem.location.file == CLAIMS and "conclusion" in problem.message


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("conclusion")
    many = "".join(
        f"  - id: extra-{n}\n    text: Extra claim {n}.\n    about: [belarus]\n    evidence:\n"
        "      - article: reuters-2025-09-11\n        stance: supports\n        quote: Belarus released 52 prisoners on Thursday\n"
        for n in range(CLAIMS_INDEX_ROWS + 5)
    )
    yaml = WITH_CONCLUSION.replace("events:\n", "events:\n" + EVENTS) + many
    # The claim about the September release cites the NYT article, which never names the event.
    config = write_project(root, yaml, BASE_ARTICLES, MINIMAL_MKDOCS_YML)
    done = mkdocs_build(config, root / "site")
    assert done.returncode == 0, done.stderr
    return root / "site"


def text_of(page: Path) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", page.read_text("utf-8")).split())


def test_the_conclusion_is_above_the_status_on_the_claim_page_and_its_cards(site: Path) -> None:
    page = (site / "claims" / "release-count" / "index.html").read_text("utf-8")
    assert page.index(CONCLUSION) < page.index('class="dossier-facts"')
    entity = (site / "countries" / "belarus" / "index.html").read_text("utf-8")
    card = entity[entity.index('id="claim-release-count"') :]
    assert card.index(CONCLUSION) < card.index('class="dossier-facts"')


def test_the_conclusion_is_in_the_exports(site: Path) -> None:
    data = json.loads((site / "dossier.json").read_text("utf-8"))
    assert {c["id"]: c["conclusion"] for c in data["claims"]}["release-count"] == CONCLUSION
    with sqlite3.connect(site / "dossier.db") as db:
        assert db.execute("select conclusion from claims where id = 'release-count'").fetchone() == (CONCLUSION,)


def test_an_event_is_covered_by_the_articles_cited_about_it(site: Path) -> None:
    page = text_of(site / "events" / "sept-2025-release" / "index.html")
    assert "Covered by (1 article)" in page
    assert "Belarus Frees 52 Prisoners" in page  # the NYT article, cited by the claim about the event
    index = (site / "events" / "index.html").read_text("utf-8")
    row = index[index.index("Release of 52 prisoners") :]
    assert re.search(r'data-label="Covered by" data-sort="1">1 article<', row)
    assert "Covered by (0 articles)" in text_of(site / "events" / "early-2025-talks" / "index.html")


def test_the_events_index_is_in_date_order(site: Path) -> None:
    index = text_of(site / "events" / "index.html")
    names = ["Zeta talks", "A phone call", "Release of 52 prisoners", "December release"]
    positions = [index.index(name) for name in names]
    assert positions == sorted(positions), "events by date: 2025, 15–16 August 2025, 11 September 2025, December 2025"
    assert "by date, earliest first" in index


def test_the_claims_index_is_in_pages_short_enough_for_a_phone(site: Path) -> None:
    first = (site / "claims" / "index.html").read_text("utf-8")
    second = (site / "claims" / "page" / "2" / "index.html").read_text("utf-8")
    rows = [page.count('<td class="dossier-cell-main"') for page in (first, second)]
    assert rows == [CLAIMS_INDEX_ROWS, 6]
