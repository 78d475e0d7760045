"""Loading's shortcuts give what the general code gives (branch loadfast).

- The YAML event loop places common scalars itself; `_EventReader.scalar`, which handles
  every scalar, is the general code: both read many random documents written to hit the
  hard cases (duplicate keys, anchors and aliases, tags, quoting, keys that look like
  numbers or booleans, flow and block collections, empty values, too deep nesting).
- `ContentFiles` reads a file by one `lstat` when it can; `read_text` and `display_path` are
  the general code: both read files that are links (inside, outside, broken, in a loop),
  in linked folders, too large, not UTF-8, with control characters, from other working folders.
- The articles folder is listed with `os.scandir`, in the order `sorted(iterdir())` gives.
"""

from __future__ import annotations

import os
import random
from pathlib import Path
from typing import Any

import pytest
import yaml

from dossier import files as files_module
from dossier.files import ContentFiles, display_path, read_text
from dossier.load.articles import article_files
from dossier.problems import ProblemList
from dossier.yamlsource import MAX_DEPTH, YamlDocument, YamlError, _EventReader, _events

SCALARS = [
    "plain", "no", "yes", "true", "False", "null", "~", "1", "-2", "0o17", "0x1F", "3.5", "1e400", ".5", "+7",
    '"quoted"', "'single'", '"1"', "'true'", "!!str 5", "!!int 5", "!!int x", "!!float 2", "!!bool true", "!!null ''",
    "! 12", "&a anchored", "*a", "2025-09-11", '"multi\\nline"', "|\n  literal\n", ">\n  folded\n", "''", "",
]  # fmt: skip
KEYS = ["id", "name", "no", "1", "true", "null", "evidence", "a b", '"quoted key"', "&k keyed", "*k"]


def _block(rng: random.Random, depth: int, indent: int) -> str:
    """A random block mapping or list at `indent`, with nested values."""
    pad = " " * indent
    lines = []
    mapping = rng.random() < 0.6
    for _ in range(rng.randint(1, 4)):
        head = f"{pad}{rng.choice(KEYS)}:" if mapping else f"{pad}-"
        roll = rng.random()
        if depth < 4 and roll < 0.3:
            anchor = " &c" if rng.random() < 0.1 else ""
            lines.append(head + anchor + "\n" + _block(rng, depth + 1, indent + 2))
        elif roll < 0.45:
            items = ", ".join(rng.choice(["x", "1", "'q'", "*a", "{p: 1, p: 2}", "[]", "*c", "k: v"]) for _ in range(rng.randint(0, 3)))
            lines.append(f"{head} [{items}]" if rng.random() < 0.7 else f"{head} {{{items.replace('k: v', 'k')}}}")
        else:
            value = rng.choice(SCALARS)
            lines.append(f"{head} {value}".rstrip() if "\n" not in value else f"{head} {value.replace(chr(10), chr(10) + pad + '  ')}")
    return "\n".join(lines) + "\n"


def _reference_read(text: str, line_offset: int) -> YamlDocument:
    """What `parse_yaml` built before the loop placed scalars itself: `scalar` for every scalar."""
    doc = YamlDocument(value=None)
    reader = _EventReader(doc, line_offset)
    for event in _events(text):
        if type(event) is yaml.ScalarEvent:
            reader.scalar(event)
        else:
            handler = reader.handlers.get(type(event))
            if handler is not None:
                handler(event)
    if not reader.root_set:
        doc.positions[()] = (1 + line_offset, 1)
    return doc


def _outcome(read: Any, text: str, offset: int) -> Any:
    try:
        doc = read(text, offset)
    except YamlError as err:
        return ("error", err.message, err.line, err.col, err.hint)
    except yaml.YAMLError as err:  # a syntax error: the same for both, they share the parser
        return ("syntax", str(err))
    return (repr(doc.value), doc.positions, doc.key_positions, doc.issues)


def _fast_read(text: str, line_offset: int) -> YamlDocument:
    doc = YamlDocument(value=None)
    _EventReader(doc, line_offset).read(_events(text))
    return doc


def test_the_event_loop_reads_random_documents_as_the_general_code_does() -> None:
    rng = random.Random(16)
    read_ok = 0
    for _ in range(3000):
        text = _block(rng, 0, 0)
        if rng.random() < 0.1:
            text = text.replace("\n", "\n---\n", 1)  # a second document
        offset = rng.choice([0, 1, 5])
        fast, general = _outcome(_fast_read, text, offset), _outcome(_reference_read, text, offset)
        assert fast == general, text
        read_ok += fast[0] not in ("error", "syntax")
    assert read_ok > 1000  # most documents are valid: the loop's own paths are the ones compared


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nb:\n  - x\n  - {c: d, c: e}\na: 2\n",
        "- &x [1, 2]\n- *x\n- {*x : 1}\n",
        "k: &v value\n*v : other\n",
        "x: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n",
        "a:\n" + "".join(" " * (2 * i) + "- \n" for i in range(MAX_DEPTH + 2)),
        "plain scalar at the top\n",
        "",
        "!!set {a, b}\n",
        "a: !custom 1\n",
        "? [complex, key]\n: value\n",
    ],
)
def test_the_event_loop_reads_hard_documents_as_the_general_code_does(text: str) -> None:
    assert _outcome(_fast_read, text, 3) == _outcome(_reference_read, text, 3)


def _read(read: Any, path: Path) -> Any:
    problems = ProblemList()
    try:
        text = read(path, problems)
    except RuntimeError as err:  # not expected: a link in a loop is refused as a link leaving the folder
        return ("raised", str(err))
    return (text, problems.items())


def _read_both(path: Path, root: Path) -> None:
    files = ContentFiles(root)
    assert _read(files.read_text, path) == _read(lambda p, problems: read_text(p, root, problems), path), path
    assert files.display_path(path) == display_path(path), path


def _tree(tmp_path: Path) -> tuple[Path, list[Path]]:
    """A content folder with every kind of file a reader meets, and a folder outside it."""
    root, outside = tmp_path / "content", tmp_path / "outside"
    (root / "articles").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.md").write_text("---\ntitle: secret\n---\n")
    arts = root / "articles"
    (arts / "plain.md").write_text("---\ntitle: T\n---\nText.\n")
    (arts / "crlf.md").write_bytes(b"\xef\xbb\xbf---\r\ntitle: T\r\n---\r\nText.\r\n")
    (arts / "binary.md").write_bytes(b"---\ntitle: T\n---\nText \x01 here.\n")
    (arts / "latin1.md").write_bytes(b"---\ntitle: caf\xe9\n---\n")
    (arts / "decomposed.md").write_text("cafe\u0301\n")
    (arts / "big.md").write_text("x" * 200)
    (arts / "inside-link.md").symlink_to(arts / "plain.md")
    (arts / "leaving-link.md").symlink_to(outside / "secret.md")
    (arts / "broken-link.md").symlink_to(arts / "nowhere.md")
    (arts / "loop.md").symlink_to(arts / "loop.md")
    (arts / "a-folder.md").mkdir()
    (root / "linked").symlink_to(outside, target_is_directory=True)
    (root / "inner").symlink_to(arts, target_is_directory=True)
    paths = sorted(arts.iterdir()) + [
        root / "linked" / "secret.md",
        root / "inner" / "plain.md",
        root / "inner" / "leaving-link.md",
        arts / "missing.md",
        arts / ".." / "articles" / "plain.md",
        arts / "..",
        root / "linked" / ".." / "content" / "articles" / "plain.md",
    ]
    return root, paths


def test_content_files_read_as_read_text_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root, paths = _tree(tmp_path)
    monkeypatch.setattr(files_module, "MAX_FILE_BYTES", 100)  # big.md is too large
    for working in (tmp_path, root, root / "articles", tmp_path.parent, root / "articles" / "a-folder.md"):
        monkeypatch.chdir(working)
        for path in paths:
            for written in (path, Path(os.path.relpath(path))):
                _read_both(written, root)
                _read_both(written, Path(os.path.relpath(root)))


def test_a_link_to_an_article_outside_is_still_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root, _ = _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    problems = ProblemList()
    assert ContentFiles(root).read_text(root / "articles" / "leaving-link.md", problems) is None
    assert [p.code for p in problems.items()] == ["symlink"]
    assert ContentFiles(root).read_text(root / "linked" / "secret.md", problems) is None  # a plain file in a linked folder
    assert [p.code for p in problems.items()] == ["symlink", "symlink"]


def test_the_articles_folder_is_listed_in_name_order_with_links_and_other_files(tmp_path: Path) -> None:
    root, _ = _tree(tmp_path)
    arts = root / "articles"
    for name in ("B.md", "a1.md", "a10.md", "a2.md", "notes.txt", ".hidden.md", "ä.md"):
        (arts / name).write_text("x")
    problems = ProblemList()
    listed = article_files(root, problems)
    expected = [p for p in sorted(arts.iterdir()) if not p.name.startswith(".") and p.suffix == ".md" and p.name != "a-folder.md"]
    assert listed == expected
    assert sorted(p.location.file for p in problems.items()) == sorted(display_path(arts / n) for n in ("a-folder.md", "notes.txt"))
