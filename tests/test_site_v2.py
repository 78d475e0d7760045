"""The site shows contract v2 as readers need it: measures by name on a number line, conflict
told from precision, origins as entities, translations, languages and archived copies."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitebuild import mkdocs_build, write_project
from sitecheck import broken_links

WIRE = """\
---
title: "Belarus frees 52"
outlet: "Wire"
published: 2025-09-11
url: https://example.com/wire-1
archived: https://web.archive.org/web/2025/https://example.com/wire-1
---
Belarus freed 52 political prisoners on Thursday, according to Reuters.

More than 1,000 people remain jailed, the agency said.
"""

MINSK = """\
---
title: "Освобождение"
outlet: "Minsk Daily"
published: 2025-09
language: ru
---
Беларусь освободила 14 заключённых.

Около 1200 человек остаются в заключении.
"""

CLAIMS = """\
organizations:
  - id: reuters
    name: Reuters
    aliases: [Reuters news agency]
countries:
  - id: belarus
    name: Belarus
measures:
  - id: prisoners-freed
    name: Prisoners freed in September 2025
    unit: people
  - id: prisoners-held
    name: Political prisoners still held
    unit: people
claims:
  - id: freed-52
    text: Belarus freed 52 prisoners.
    about: [belarus]
    date: 2025-09
    quantity: {measure: prisoners-freed, value: 52}
    evidence:
      - article: wire-1
        stance: supports
        quote: "Belarus freed 52 political prisoners"
        via: Reuters news agency
  - id: freed-14
    text: Belarus freed 14 prisoners.
    about: [belarus]
    quantity: {measure: prisoners-freed, value: 14}
    evidence:
      - article: minsk-1
        stance: supports
        quote: "Беларусь освободила 14 заключённых"
        translation: Belarus freed 14 prisoners
      - article: wire-1
        stance: contradicts
        quote: "Belarus freed 52 political prisoners"
        via: Reuters
  - id: held-1000
    text: More than 1,000 political prisoners remain held.
    about: [belarus]
    quantity: {measure: prisoners-held, value: {min: 1001}}
    evidence:
      - article: wire-1
        stance: supports
        quote: "More than 1,000 people remain jailed"
        via: Reuters
  - id: held-1200
    text: About 1,200 political prisoners remain held.
    about: [belarus]
    quantity: {measure: prisoners-held, value: 1200, approximate: true}
    evidence:
      - article: minsk-1
        stance: supports
        quote: "Около 1200 человек остаются в заключении"
        translation: About 1,200 people remain in prison
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("v2site")
    config = write_project(root, CLAIMS, {"wire-1": WIRE, "minsk-1": MINSK})
    result = mkdocs_build(config, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text("utf-8")


def measure_section(html: str, name: str) -> str:
    """The discrepancy block of one measure, from its heading to the next."""
    start = html.index(f'aria-label="{name}"')
    end = html.find("</section>", start)
    return html[start:end]


def test_the_discrepancies_page_tells_a_conflict_from_a_difference_in_precision(site: Path) -> None:
    html = page(site, "discrepancies")
    assert "prisoners-freed" not in html.replace('id="measure-', "")  # names, not ids
    freed = measure_section(html, "Prisoners freed in September 2025")
    assert "(in people)" in freed
    assert "These values cannot all be right" in freed
    assert "52 people" in freed and "14 people" in freed
    assert freed.count("✖ conflicts") >= 2
    held = measure_section(html, "Political prisoners still held")
    assert "The sources differ only in precision" in held and "these values overlap" in held
    assert "more than 1,000 people" in held and "about 1,200 people" in held
    assert "cannot all be right" not in held and "✖ conflicts" not in held
    assert broken_links(site) == []


def test_each_discrepancy_has_a_number_line_with_a_row_per_claim_labelled_by_origin(site: Path) -> None:
    freed = measure_section(page(site, "discrepancies"), "Prisoners freed in September 2025")
    chart = freed[freed.index('<figure class="dossier-numberline') : freed.index("</figure>")]
    rows = re.findall(r'<li class="dossier-numberline-row[^"]*">(.*?)</li>', chart)
    assert len(rows) == 2
    assert 'href="../claims/freed-52/"' in rows[0] and "Reuters" in rows[0]
    assert 'href="../claims/freed-14/"' in rows[1] and "Minsk Daily" in rows[1]
    assert all("<svg" in row for row in rows)
    assert "dossier-numberline-axis" in chart
    # The claim page shows its measure's chart too.
    claim = page(site, "claims/freed-14")
    assert "These values cannot all be right" in claim and 'class="dossier-numberline' in claim


def test_an_origin_that_is_an_entity_links_to_its_page_and_its_spellings_count_once(site: Path) -> None:
    claim = page(site, "claims/freed-52")
    assert re.search(r'origin: <a href="../../organizations/reuters/">Reuters</a>', claim)
    sources = page(site, "sources")
    assert sources.count(">Reuters</a></td>") == 1
    assert "Reuters news agency" not in sources


def test_a_source_entity_page_lists_what_it_supports_and_contradicts(site: Path) -> None:
    html = page(site, "organizations/reuters")
    assert 'id="as-source"' in html
    section = html[html.index('id="as-source"') :]
    assert "2 items for, 1 against" in section
    supports = section[section.index('id="as-source-supports"') : section.index('id="as-source-contradicts"')]
    assert "claims/freed-52/" in supports and "claims/held-1000/" in supports
    contradicts = section[section.index('id="as-source-contradicts"') :]
    assert "claims/freed-14/" in contradicts.split("</ul>")[0]
    # An entity that is no origin has no such section.
    assert 'id="as-source"' not in page(site, "countries/belarus")


def test_the_sources_page_lists_every_origin_with_its_counts(site: Path) -> None:
    html = page(site, "sources")
    rows = {re.sub(r"<[^>]+>", "", row.split("</td>")[0]): row for row in re.findall(r"<tr><td.*?</tr>", html)}
    assert set(rows) == {"Reuters", "Wire", "Minsk Daily"}
    assert 'href="../organizations/reuters/"' in rows["Reuters"]
    cells = lambda row: [re.sub(r"<[^>]+>", "", c) for c in row.split("</td>")[2:-1]]  # noqa: E731
    assert cells(rows["Reuters"])[:5] == ["3", "2", "1", "2", "1"]  # evidence, for, against; claims for, against
    assert cells(rows["Minsk Daily"])[:5] == ["2", "2", "0", "2", "0"]
    assert rows["Wire"].startswith('<tr><td data-sort="wire">Wire</td><td data-sort="1">1: <a')  # published, never an origin


def test_translations_languages_and_archived_copies_are_shown(site: Path) -> None:
    claim = page(site, "claims/freed-14")
    assert re.search(r'<blockquote lang="ru"><p>Беларусь освободила 14 заключённых</p></blockquote>', claim)
    assert re.search(r"Translation \(analyst(&#39;|')s\):</span> <span lang=\"en\">Belarus freed 14 prisoners</span>", claim)
    assert 'href="https://web.archive.org/web/2025/https://example.com/wire-1"' in claim
    article = page(site, "articles/minsk-1")
    assert '<div class="dossier-article-text" lang="ru">' in article
    wire = page(site, "articles/wire-1")
    assert re.search(
        r'Original</dt><dd><a href="https://example.com/wire-1"[^>]*>.*?</a> · <a href="https://web.archive.org/web/2025/https://example.com/wire-1"',
        wire,
    )


def test_imprecise_dates_are_shown_as_written(site: Path) -> None:
    # Month precision: the claim freed-52 and the article minsk-1 (no day is made up for them).
    for path in ("countries/belarus", "articles/minsk-1", "timeline", "claims/freed-14"):
        html = page(site, path)
        assert '<time datetime="2025-09">Sep 2025</time>' in html, path
        assert "1 Sep 2025" not in html.replace("11 Sep 2025", "") and 'datetime="2025-09-01"' not in html, path


def test_an_approximate_value_is_drawn_widened_with_its_written_value_marked(site: Path) -> None:
    held = measure_section(page(site, "discrepancies"), "Political prisoners still held")
    rows = re.findall(r'<li class="dossier-numberline-row[^"]*">(.*?)</li>', held)
    assert len(rows) == 2
    more_than, about = rows
    assert "dossier-numberline-arrow" in more_than and "dossier-numberline-core" not in more_than  # open to the right
    assert "dossier-numberline-bar" in about and "dossier-numberline-core" in about  # 1,080–1,320 around 1,200
