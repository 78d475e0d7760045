"""Hostile input never crashes, hangs or loses the file name: fuzzing the loaders and the check.

The bounded profile runs in `make test`. The long one: `make fuzz` (DOSSIER_FUZZ_EXAMPLES=20000).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.check import CheckResult, check_content
from dossier.export import export

ROOT = Path(__file__).resolve().parent.parent
REAL_CLAIMS = (ROOT / "tests" / "fixtures" / "sample" / "claims.yaml").read_text("utf-8")
REAL_ARTICLES = sorted((ROOT / "tests" / "fixtures" / "sample" / "articles").glob("*.md"))
LONG = int(os.environ.get("DOSSIER_FUZZ_EXAMPLES", "0"))
# Problems that concern a whole file or folder that is missing have no line to point at.
NO_LINE = {"missing", "layout"}
SECONDS_PER_EXAMPLE = 20


def fuzz_settings(examples: int):  # type: ignore[no-untyped-def]
    return settings(
        max_examples=LONG or examples,
        deadline=None,
        derandomize=not LONG,
        suppress_health_check=list(HealthCheck),
        database=None,
    )


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """A hang becomes a test failure instead of a stuck CI run."""

    def fail(signum, frame):  # type: ignore[no-untyped-def]
        raise AssertionError(f"the check ran for more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def check_files(files: dict[str, bytes], *, real_articles: bool = False) -> CheckResult:
    """Write the files into a fresh content folder and check it; assert the universal promises."""
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        (content / "articles").mkdir(parents=True)
        if real_articles:
            for path in REAL_ARTICLES:
                shutil.copy(path, content / "articles" / path.name)
        for name, data in files.items():
            (content / name).write_bytes(data)
        with time_limit(SECONDS_PER_EXAMPLE):
            result = check_content(content)
            if result.ok:
                assert result.dossier is not None and result.analysis is not None
                json.dumps(export(result.dossier, result.analysis))
            else:
                assert result.errors
        for problem in result.problems:
            assert problem.location.file, problem
            assert problem.message, problem
            assert problem.location.line >= 1 or problem.code in NO_LINE, problem
        return result


# ----- strategies -----

FIELDS = [
    "people",
    "countries",
    "organizations",
    "events",
    "claims",
    "id",
    "name",
    "aliases",
    "summary",
    "countries",
    "wikidata",
    "date",
    "start",
    "end",
    "participants",
    "text",
    "about",
    "quantity",
    "measure",
    "value",
    "min",
    "max",
    "evidence",
    "article",
    "stance",
    "quote",
    "via",
    "note",
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.sampled_from(["supports", "contradicts", "2025-09-11", "2025-02-30", "belarus", "no", "yes", "~", "1e3"]),
)
keys = st.one_of(st.sampled_from(FIELDS), st.text(max_size=12))
yaml_values = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=5), st.dictionaries(keys, children, max_size=6)),
    max_leaves=40,
)
documents = st.one_of(st.dictionaries(st.sampled_from(FIELDS[:5]) | keys, yaml_values, max_size=5), yaml_values)
yaml_punctuation = st.text(alphabet="abc-:[]{}&*!|>'\"%@`#,? \n\t\\0123456789.", max_size=200)


@st.composite
def mutated_claims(draw: st.DrawFn) -> str:
    text = REAL_CLAIMS
    for _ in range(draw(st.integers(1, 4))):
        operation = draw(st.sampled_from(["truncate", "delete", "insert", "duplicate-line", "swap-lines", "indent"]))
        position = draw(st.integers(0, len(text)))
        if operation == "truncate":
            text = text[:position]
        elif operation == "delete":
            text = text[:position] + text[position + draw(st.integers(1, 200)) :]
        elif operation == "insert":
            text = text[:position] + draw(yaml_punctuation | st.text(max_size=40)) + text[position:]
        else:
            lines = text.split("\n")
            i = draw(st.integers(0, max(0, len(lines) - 1)))
            j = draw(st.integers(0, max(0, len(lines) - 1)))
            if operation == "duplicate-line":
                lines.insert(j, lines[i])
            elif operation == "swap-lines":
                lines[i], lines[j] = lines[j], lines[i]
            else:
                lines[i] = " " * draw(st.integers(1, 5)) + lines[i]
            text = "\n".join(lines)
    return text


front_matter = st.dictionaries(
    st.sampled_from(["title", "outlet", "author", "published", "url", "language", "extra"]) | st.text(max_size=8),
    scalars | st.lists(scalars, max_size=3) | st.sampled_from(["javascript:alert(1)", "https://example.org/a", "en"]),
    max_size=7,
)


# ----- tests -----


@fuzz_settings(150)
@given(documents)
def test_any_yaml_document_as_claims_yaml(document: object) -> None:
    check_files({"claims.yaml": yaml.safe_dump(document, allow_unicode=True).encode("utf-8")})


@fuzz_settings(150)
@given(yaml_punctuation)
def test_yaml_like_text_as_claims_yaml(text: str) -> None:
    check_files({"claims.yaml": text.encode("utf-8")})


@fuzz_settings(60)
@given(mutated_claims())
def test_mutated_and_truncated_real_claims_yaml(text: str) -> None:
    check_files({"claims.yaml": text.encode("utf-8")}, real_articles=True)


@fuzz_settings(150)
@given(front_matter, st.text(max_size=300))
def test_random_front_matter(meta: dict, body: str) -> None:
    try:
        head = yaml.safe_dump(meta, allow_unicode=True)
    except yaml.YAMLError:
        return
    article = f"---\n{head}---\n{body}".encode()
    check_files({"claims.yaml": b"claims: []\n", "articles/fuzzed.md": article})


@fuzz_settings(150)
@given(st.binary(max_size=600), st.sampled_from(["articles/binary.md", "claims.yaml"]))
def test_random_bytes_as_input_files(data: bytes, name: str) -> None:
    files = {"claims.yaml": b"people: []\n", name: data}
    check_files(files)


@fuzz_settings(300)
@given(documents, st.sampled_from(["claims", "article"]))
def test_the_fast_validator_never_accepts_what_the_schema_refuses(document: object, name: str) -> None:
    """The compiled fast path may refuse more (jsonschema then explains), never accept more."""
    from dossier import schema

    if schema.is_valid_fast(name, document):
        assert not list(schema._validator(name).iter_errors(document))
