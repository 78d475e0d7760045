"""Hostile input is handled within bounded time and memory, with a message naming the file."""

from __future__ import annotations

import resource
import time

from conftest import BASE_ARTICLES, BASE_YAML, CLAIMS, art, article, assert_at, edit, only_error

LIMIT_SECONDS = 10  # generous: each case takes well under a second here


def timed(check, *args, **kwargs):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = check(*args, **kwargs)
    assert time.perf_counter() - started < LIMIT_SECONDS
    return result


def test_alias_bomb(check) -> None:
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        bomb += f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]\n"
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = timed(check, bomb)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200_000  # KB: no billion laughs
    # The unknown top-level fields a to e are reported too (all problems at once); the alias once.
    [problem] = [p for p in result.errors if "aliases" in p.message]
    assert_at(problem, CLAIMS, 6)
    assert "aliases expand to more than" in problem.message


def test_nesting_twenty_thousand_deep(check) -> None:
    problem = only_error(timed(check, "claims: " + "[" * 20_000 + "]" * 20_000 + "\n"))
    assert problem.location.file == CLAIMS and problem.location.line == 1
    assert "nested more than" in problem.message


def test_deep_flow_mappings_on_one_line(check) -> None:
    problem = only_error(timed(check, "claims: " + "{a: " * 5_000 + "1" + "}" * 5_000 + "\n"))
    assert problem.location.file == CLAIMS and problem.location.line == 1
    assert "nested more than 64 levels" in problem.message
    assert problem.hints, "the message says what to do"


def test_deep_nesting_across_lines_names_the_line_it_passes_the_limit(check) -> None:
    problem = only_error(timed(check, "claims:\n" + "  [\n" * 2_000 + "  ]\n" * 2_000))
    assert problem.location.file == CLAIMS and problem.location.line == 65  # the top-level mapping and 64 brackets make 65 levels
    assert "nested more than 64 levels" in problem.message


def test_deep_block_nesting(check) -> None:
    text = "claims:\n" + "".join(" " * depth + "- \n" for depth in range(1, 1_500))
    problem = only_error(timed(check, text))
    assert problem.location.file == CLAIMS
    assert "nested more than 64 levels" in problem.message


def test_binary_garbage_as_claims_yaml(make_dossier) -> None:
    from dossier.check import check_content

    content = make_dossier(None)
    (content / "claims.yaml").write_bytes(bytes(range(256)) * 40)
    problem = only_error(check_content(content))
    assert problem.location.file == CLAIMS and problem.location.line >= 1
    assert "not valid UTF-8" in problem.message or "control character" in problem.message


def test_top_level_list(check) -> None:
    problem = only_error(check("- id: a\n  name: A\n"))
    assert_at(problem, CLAIMS, 1)
    assert "should be a mapping" in problem.message


def test_twenty_megabyte_article(check) -> None:
    huge = article("word " * 4_000_000)
    problem = only_error(timed(check, articles={**BASE_ARTICLES, "huge": huge}))
    assert problem.location.file == art("huge")
    assert "MB; files over" in problem.message


def test_hundred_kilobyte_quote(check) -> None:
    quote = "freed " * 17_000  # about 100 KB, not in the article
    yaml = edit("quote: Belarus freed 52 political prisoners on Thursday", f"quote: {quote.strip()}")
    problem = only_error(timed(check, yaml))
    assert problem.location.file == CLAIMS
    assert "quote not found in article 'nyt-2025-09-11'" in problem.message
    assert all(len(hint) < 400 for hint in problem.hints)  # the passage shown is clipped


def test_utf8_with_bom_and_crlf_work(make_dossier) -> None:
    from dossier.check import check_content

    content = make_dossier(None)
    (content / "claims.yaml").write_bytes(("\ufeff" + BASE_YAML.replace("\n", "\r\n")).encode("utf-8"))
    result = check_content(content)
    assert result.ok and not result.problems, [p.format_text() for p in result.problems]


def test_latin1_article_is_an_error_naming_file_and_line(check) -> None:
    text = article("Line one.\n\nNausėda said.\n").encode("utf-8").replace("ė".encode(), "é".encode("latin-1"))
    problem = only_error(check(articles={**BASE_ARTICLES, "latin": text}))
    assert_at(problem, art("latin"), 8, 5)  # the "é" of "Nausé" on the body's third line
    assert "not valid UTF-8" in problem.message
