"""Mention finding with automata: what it relies on in Python, and nothing kept on disk.

The results themselves are compared with the expression that defines them in
tests/test_mentions_equivalence.py.
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import generate_project

from dossier import mentions
from dossier.ignorecase import CASED_PLANES_END, case_images, cased_characters
from dossier.mentions import MentionFinder

ROOT = Path(__file__).resolve().parent.parent


def test_every_character_with_case_is_where_the_images_look_for_it() -> None:
    beyond = "".join(map(chr, range(CASED_PLANES_END, sys.maxunicode + 1)))
    assert beyond.lower() == beyond and beyond.upper() == beyond, (
        "this Python has characters with case beyond CASED_PLANES_END: raise it in dossier/ignorecase.py"
    )
    every = "".join(map(chr, range(CASED_PLANES_END)))
    assert cased_characters() == "".join(c for c in every if c.lower() != c or c.upper() != c)


def test_no_character_without_case_matches_one_with_case_ignoring_case() -> None:
    # The images give characters without case no partner: `re` must agree, over every code point.
    cased = set(cased_characters())
    without_case = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c not in cased)
    any_cased = "(?i:[" + "".join(map(re.escape, sorted(cased))) + "])"
    assert re.search(any_cased, without_case) is None


def test_images_of_every_letter_with_case_agree_with_re() -> None:
    # Every class `re` has, checked from each of its members: equal images exactly where `(?i:)` matches.
    cased = cased_characters()
    images = case_images(frozenset(cased))
    assert images is not None, "re's matching ignoring case is no longer a partition: dossier/ignorecase.py falls back to (?i:)"
    read = images.text(cased)
    for index, char in enumerate(cased):
        by_images = [i for i, image in enumerate(read) if image == read[index]]
        ignoring_case = [m.start() for m in re.finditer("(?i:" + re.escape(char) + ")", cased)]
        assert by_images == ignoring_case, f"{char!r} (U+{ord(char):04X})"


def test_without_images_the_expression_finds_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    names = {"t": ["Işık", "İstanbul"], "s": ["Straße", "Σοφία"], "us": ["US"], "b": ["Minsk Region"]}
    text = "IŞIK in İSTANBUL, STRASSE; σοφίας ΣΟΦΊΑ, the US and us, Minsk   region."
    with_images = MentionFinder(names)
    assert with_images._expression is None
    monkeypatch.setattr(mentions, "case_fold", lambda chars: None)
    without = MentionFinder(names)
    assert without._expression is not None  # the slower way is the one taken
    assert without.find(text) == with_images.find(text)
    assert [text[m.start : m.end] for m in without.find(text)] == ["İSTANBUL", "STRASSE", "ΣΟΦΊΑ", "US", "Minsk   region"]


# ----- no compiled patterns kept between checks (issue 23: a tampered cache changed results) -----


def _run(command: str, content: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    env.pop("DOSSIER_CACHE_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "dossier", command, "--content", str(content)], env=env, capture_output=True, text=True, timeout=300
    )


def _garbage(home: Path, as_file: bool) -> None:
    patterns = home / ".cache" / "dossier" / "patterns"
    noise = random.Random(23)
    if as_file:
        patterns.parent.mkdir(parents=True)
        patterns.write_bytes(noise.randbytes(5000))
        return
    patterns.mkdir(parents=True)
    for index in range(50):
        (patterns / f"{index:032x}.json").write_bytes(noise.randbytes(noise.randrange(1, 4000)))
    (patterns / "empty.json").write_bytes(b"")
    (patterns / "matches-nothing.json").write_text('{"flags":32,"code":[1,0],"groups":0,"groupindex":[]}', encoding="utf-8")


@pytest.mark.parametrize("as_file", [False, True], ids=["files of random bytes", "random bytes instead of the folder"])
def test_garbage_where_compiled_patterns_were_kept_changes_nothing(tmp_path: Path, as_file: bool) -> None:
    content = generate_project(30, tmp_path / "project", seed=23)
    clean_home, spoilt_home = tmp_path / "clean", tmp_path / "spoilt"
    clean_home.mkdir()
    _garbage(spoilt_home, as_file)
    clean, spoilt = _run("export", content, clean_home), _run("export", content, spoilt_home)
    assert clean.returncode == spoilt.returncode == 0, spoilt.stderr
    assert re.search(r'"mentioned_in": \[\s*"', clean.stdout)  # the comparison covers mentions
    assert spoilt.stdout == clean.stdout
    checked = _run("check", content, spoilt_home)
    assert checked.returncode == 0 and "Traceback" not in checked.stderr, checked.stderr
    assert not (clean_home / ".cache" / "dossier").exists()  # nothing is written there any more
