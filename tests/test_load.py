"""Loading a content folder: articles (front matter and verbatim body) and claims files."""

from __future__ import annotations

from conftest import (
    BASE_ARTICLES,
    BASE_CLAIM,
    BASE_ENTITIES,
    BASE_YAML,
    CLAIMS,
    art,
    article,
    assert_at,
    assert_clean,
    edit,
    only_error,
    with_article,
)

from dossier.check import check_content
from dossier.model import Date, Kind


def test_article_fields_and_verbatim_body(check) -> None:
    body = "First “paragraph” — with   odd  spacing.\n\n  Indented second paragraph.\n"
    text = article(
        body, title='"Belarus: prisoners freed"', outlet="Example Times", author="Zoltán Kottász", url="https://example.com/a?b=1"
    )
    result = check(articles=with_article("example-2025-09-11", text))
    assert_clean(result)
    a = result.dossier.articles["example-2025-09-11"]
    assert a.title == "Belarus: prisoners freed"
    assert a.outlet == "Example Times"
    assert a.authors == ("Zoltán Kottász",)
    assert a.published == Date(2025, 9, 11)
    assert a.url == "https://example.com/a?b=1"
    assert a.language == "en"  # the default
    assert a.body == body
    assert a.body_line == 8  # ---, title, outlet, published, author, url, ---, then the body


def test_author_list_and_language(check) -> None:
    text = article("Text.\n", author=["Ann One", "Bob Two"], language="pt-BR")
    result = check(articles=with_article("x", text))
    assert_clean(result)
    assert result.dossier.articles["x"].authors == ("Ann One", "Bob Two")
    assert result.dossier.articles["x"].language == "pt-BR"


def test_crlf_line_ends_and_byte_order_mark(check) -> None:
    text = "\ufeff---\r\ntitle: T\r\noutlet: O\r\npublished: 2025-09-11\r\n---\r\nFirst para.\r\n\r\nSecond “para” now.\r\n"
    result = check(
        edit("Belarus freed 52 political prisoners on Thursday", 'Second "para" now', edit("article: nyt-2025-09-11", "article: crlf")),
        with_article("crlf", text.encode("utf-8")),
    )
    assert_clean(result)
    a = result.dossier.articles["crlf"]
    assert (a.title, a.outlet) == ("T", "O")
    assert a.body == "First para.\n\nSecond “para” now.\n"
    # The quote is found in the normalised body, in its second paragraph.
    assert [s.paragraph for s in result.analysis.passages[("release-count", 0)]] == [1]


def test_crlf_and_bom_in_claims_yaml(make_dossier) -> None:
    content = make_dossier()
    (content / "claims.yaml").write_bytes(b"\xef\xbb\xbf" + BASE_YAML.replace("\n", "\r\n").encode())
    result = check_content(content)
    assert_clean(result)
    assert result.dossier.claims["release-count"].location.line == BASE_YAML.splitlines().index("claims:") + 2


def test_decomposed_accents_are_composed(check) -> None:
    # An article saved with "e" + combining accent matches a quote typed with "é".
    text = article("The minister Jose\u0301 Pe\u0301rez spoke.\n")
    yaml = edit("Belarus freed 52 political prisoners on Thursday", "José Pérez spoke", edit("article: nyt-2025-09-11", "article: x"))
    assert_clean(check(yaml, with_article("x", text)))


def test_entities_and_claims_are_loaded_in_input_order(check) -> None:
    result = check()
    assert_clean(result)
    d = result.dossier
    assert list(d.entities) == ["alexander-lukashenko", "john-coale", "belarus", "united-states", "belavia", "sept-2025-release"]
    assert [e.kind for e in d.entities.values()] == [Kind.PERSON, Kind.PERSON, Kind.COUNTRY, Kind.COUNTRY, Kind.ORGANIZATION, Kind.EVENT]
    assert d.entities["alexander-lukashenko"].aliases == ("Lukashenko", "Lukashenka")
    assert d.entities["sept-2025-release"].date == Date(2025, 9, 11)
    assert d.entities["sept-2025-release"].participants == ("alexander-lukashenko", "john-coale")
    claim = d.claims["release-count"]
    assert claim.about == ("sept-2025-release", "belarus")
    assert claim.evidence[0].quote == "Belarus freed 52 political prisoners on Thursday"


def test_event_date_range(check) -> None:
    yaml = edit("    date: 2025-09-11\n", "    date: {start: 2025-09-10, end: 2025-09-12}\n")
    result = check(yaml)
    assert_clean(result)
    date = result.dossier.entities["sept-2025-release"].date
    assert (date.start, date.end) == (Date(2025, 9, 10), Date(2025, 9, 12))


def test_event_date_range_that_ends_before_it_starts(check) -> None:
    yaml = edit("    date: 2025-09-11\n", "    date: {start: 2025-09-12, end: 2025-09-10}\n")
    error = only_error(check(yaml))
    assert_at(error, CLAIMS, BASE_YAML.splitlines().index("    date: 2025-09-11") + 1, 11)
    assert error.message == "event 'sept-2025-release', 'date' ends (2025-09-10) before it starts (2025-09-12)"


def test_claims_folder_files_are_merged(check) -> None:
    result = check(None, claims_folder={"entities.yaml": BASE_ENTITIES, "claims.yml": BASE_CLAIM, ".hidden.yaml": "not: read"})
    assert_clean(result)
    assert "belarus" in result.dossier.entities
    assert list(result.dossier.claims) == ["release-count"]


def test_duplicate_id_across_claims_files_names_the_second_file_and_the_first(check) -> None:
    second = "countries:\n  - id: lithuania\n    name: Lithuania\n  - id: belarus\n    name: Belarus again\n"
    error = only_error(check(None, claims_folder={"a.yaml": BASE_ENTITIES + BASE_CLAIM, "b.yaml": second}))
    assert_at(error, "content/claims/b.yaml", 4, 9)  # at the id itself
    first_line = BASE_ENTITIES.splitlines().index("  - id: belarus") + 1
    assert error.message == f"duplicate id 'belarus': already used at content/claims/a.yaml:{first_line}:9"


def test_duplicate_claim_id_across_claims_files(check) -> None:
    error = only_error(check(None, claims_folder={"a.yaml": BASE_YAML, "b.yaml": BASE_CLAIM}))
    assert_at(error, "content/claims/b.yaml", 2, 9)
    claim_line = BASE_YAML.splitlines().index("  - id: release-count") + 1
    assert error.message == f"duplicate id 'release-count': already used at content/claims/a.yaml:{claim_line}:9"
    assert "among claims" in error.hints[0]


def test_other_files_in_claims_folder_are_a_warning(check) -> None:
    result = check(None, claims_folder={"all.yaml": BASE_YAML, "notes.txt": "x"})
    assert result.ok
    [warning] = result.warnings
    assert warning.location.file == "content/claims/notes.txt"
    assert "only .yaml files" in warning.message


def test_other_files_in_articles_folder_are_a_warning(make_dossier) -> None:
    content = make_dossier()
    (content / "articles" / "readme.txt").write_text("notes")
    (content / "articles" / ".gitkeep").write_text("")
    result = check_content(content)
    assert result.ok
    [warning] = result.warnings
    assert warning.location.file == "content/articles/readme.txt"
    assert warning.message.startswith("not an article")


def test_articles_folder_missing(make_dossier) -> None:
    content = make_dossier()
    for path in (content / "articles").iterdir():
        path.unlink()
    (content / "articles").rmdir()
    result = check_content(content)
    assert not result.ok
    assert any(p.location.file == "content/articles" and p.message == "the articles folder is missing" for p in result.errors)


def test_every_article_is_loaded_even_if_no_claim_cites_it(check) -> None:
    result = check(articles=with_article("uncited", article("Nothing cited here.\n")))
    assert_clean(result)
    assert set(result.dossier.articles) == {*BASE_ARTICLES, "uncited"}
    assert result.dossier.articles["uncited"].location.file == art("uncited")
