"""Shared wire copy (contract v3): two articles of different origins printing one long passage."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import BASE_ENTITIES, art, article, describe, only_warning
from sitebuild import mkdocs_build, write_project

from dossier.check import CheckResult, check_content
from dossier.parallel import run_with_pool

Check = Callable[..., CheckResult]

WIRE = (
    "Belarus released dozens of prisoners on Thursday after weeks of quiet talks with envoys from Washington, "
    "who flew to Minsk with a letter from the White House and returned with a promise that more detainees "
    "would follow before the winter, according to two officials briefed on the negotiations and a diplomat "
    "in Vilnius who asked not to be named because the talks were private"
)
OWN_1 = "The newspaper's own correspondent adds that families waited at the border all night."
OWN_2 = "Our reporter in Warsaw heard a different account from relatives of those still held."


def words(count: int) -> str:
    return " ".join(WIRE.split()[:count])


def articles(shared: str, second_outlet: str = "Minsk Daily", second_shared: str | None = None) -> dict[str, str]:
    return {
        "agency-1": article(f"{OWN_1}\n\n{shared}.\n", title="Prisoners freed", outlet="Reuters"),
        "paper-1": article(f"{OWN_2}\n\nIntroduction.\n\n{second_shared or shared}.\n", title="Freed", outlet=second_outlet),
    }


def claims(via: str | None = None) -> str:
    via_line = f"\n        via: {via}" if via else ""
    return (
        BASE_ENTITIES
        + f"""\
claims:
  - id: release
    text: Belarus released dozens of prisoners.
    about: [belarus]
    evidence:
      - article: agency-1
        stance: supports
        quote: Belarus released dozens of prisoners on Thursday
      - article: paper-1
        stance: supports
        quote: Belarus released dozens of prisoners on Thursday{via_line}
"""
    )


def test_two_origins_sharing_forty_words_are_a_warning_naming_both(check: Check) -> None:
    warning = only_warning(check(claims(), articles(words(45))))
    assert warning.code == "shared-wire-copy"
    assert (warning.location.file, warning.location.line) == (art("paper-1"), 10)  # the passage's line (five of front matter, then four)
    assert "this article and 'agency-1' (Reuters) share a passage of 45 words" in warning.message
    assert '("Belarus released dozens of prisoners on Thursday after …")' in warning.message
    assert "(Minsk Daily and Reuters)" in warning.message
    assert "via: Reuters" in warning.hints[0]


def test_thirty_nine_shared_words_are_not(check: Check) -> None:
    result = check(claims(), articles(words(39)))
    assert result.ok and not result.problems, describe(result.problems)


def test_the_passage_is_compared_as_quotes_are(check: Check) -> None:
    typed = words(45).upper().replace("Belarus", "Bélarus").replace(" ", "  \n", 3)
    second = typed.replace("BELARUS", "B\u00c9LARUS")
    warning = only_warning(check(claims(), articles(words(45), second_shared=second)))
    assert warning.code == "shared-wire-copy" and "45 words" in warning.message
    assert '("B\u00c9LARUS RELEASED DOZENS' in warning.message  # shown as the article writes it


@pytest.mark.parametrize("outlet", ["Reuters", "REUTERS", "The Reuters"])
def test_one_origin_may_print_a_passage_twice(check: Check, outlet: str) -> None:
    result = check(claims(), articles(words(45), second_outlet=outlet))
    assert result.ok and not result.problems, describe(result.problems)


def test_a_via_crediting_the_wire_settles_it(check: Check) -> None:
    result = check(claims(via="Reuters"), articles(words(45)))
    assert result.ok and not result.problems, describe(result.problems)


def test_the_pooled_check_finds_it_too(make_dossier: Callable[..., Path]) -> None:
    content = make_dossier(claims(), articles(words(60)))
    serial = check_content(content)
    pooled = run_with_pool(lambda executor: check_content(content, executor), 0, parallel=True)
    assert [p.format_text() for p in pooled.problems] == [p.format_text() for p in serial.problems]
    assert [p.code for p in serial.problems] == ["shared-wire-copy"]


CITIES = "Boston Denver Toronto Madrid Lisbon Oslo Helsinki Dublin Vienna Prague Zagreb Sofia Athens Cairo Lagos Nairobi Lima Quito Manila Hanoi".split()


def test_many_articles_are_compared_in_one_pass(check: Check) -> None:
    """A wire story reprinted by twenty outlets: each reprint is warned about once, against the first."""
    many = {"agency-1": article(f"{OWN_1}\n\n{words(50)}.\n", outlet="Reuters")}
    for number, city in enumerate(CITIES):
        many[f"paper-{number}"] = article(f"Paper {number} reports.\n\n{words(50)}.\n", outlet=f"{city} Gazette")
    result = check(claims().replace("paper-1", "paper-0"), many)
    assert [p.code for p in result.problems] == ["shared-wire-copy"] * 20, describe(result.problems)
    assert all("'agency-1' (Reuters)" in p.message for p in result.problems)


def test_the_cli_and_the_build_report_it(make_dossier: Callable[..., Path], tmp_path: Path) -> None:
    content = make_dossier(claims(), articles(words(45)))
    run = subprocess.run(
        [sys.executable, "-m", "dossier", "check", "--content", str(content), "--format", "github"],
        capture_output=True,
        text=True,
        cwd=content.parent,
    )
    assert run.returncode == 0  # a warning
    assert "::warning file=content/articles/paper-1.md,line=10,col=1,title=dossier shared-wire-copy::" in run.stdout
    config = write_project(tmp_path / "project", claims(), articles(words(45)))
    built = mkdocs_build(config, tmp_path / "project" / "site")
    assert built.returncode != 0  # --strict: a warning fails the build
    assert "share a passage of 45 words" in built.stderr


def test_hashing_many_articles_at_once_is_hashing_each_alone() -> None:
    """The fingerprints are computed BATCH_ARTICLES at a time: no window may cross from one
    article into the next, and an article's hashes do not depend on its neighbours."""
    from dossier import wirecopy

    vocabulary = WIRE.lower().split()
    texts = [" ".join(vocabulary[(n * 7) % 20 :] + vocabulary[: (n * 7) % 20]) for n in range(wirecopy.BATCH_ARTICLES * 2 + 5)]
    texts[3] = " ".join(vocabulary[:25])  # two short articles: 50 words only together
    texts[4] = " ".join(vocabulary[25:50])
    together = wirecopy.fingerprints(texts)
    alone = [wirecopy.fingerprints([text])[0] for text in texts]
    assert [set(wirecopy.np.frombuffer(p, dtype=wirecopy.np.uint64).tolist()) for p in together] == [
        set(wirecopy.np.frombuffer(p, dtype=wirecopy.np.uint64).tolist()) for p in alone
    ]
    assert together[3] == together[4] == b""
    assert all(together[n] for n in range(len(texts)) if n not in (3, 4))
