"""Where the entities and claims are written: `claims.yaml`, or the .yaml files of `claims/`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .. import schema
from ..files import ContentFiles, display_path, inside
from ..kinds import all_sections_phrase
from ..problems import Location, Problem, ProblemList
from ..yamlsource import PathKey, YamlDocument
from .documents import read_yaml

CLAIMS_FILE = "claims.yaml"
CLAIMS_FOLDER = "claims"


def claims_files(content: Path, problems: ProblemList) -> list[Path]:
    single, folder = content / CLAIMS_FILE, content / CLAIMS_FOLDER
    if single.exists() and folder.is_dir():
        problems.error(
            Location(display_path(folder)),
            f"both {CLAIMS_FILE} and a {CLAIMS_FOLDER}/ folder exist",
            f"keep one: move the contents of {CLAIMS_FILE} into {CLAIMS_FOLDER}/, or the reverse",
            code="layout",
        )
        return []
    if folder.is_dir():
        return _folder_files(folder, content, problems)
    if single.exists() or single.is_symlink():
        return [single]
    problems.error(
        Location(display_path(single)),
        f"{CLAIMS_FILE} is missing",
        f"create {display_path(single)} with {all_sections_phrase(claims=True)}",
        code="missing",
    )
    return []


def _folder_files(folder: Path, content: Path, problems: ProblemList) -> list[Path]:
    if not inside(folder, content):
        problems.error(Location(display_path(folder)), "the claims folder is a link to a folder outside the content folder", code="symlink")
        return []
    files = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.suffix in (".yaml", ".yml"):
            files.append(path)
        else:
            problems.warning(
                Location(display_path(path), 1, 1), "not read: only .yaml files belong in the claims folder", code="ignored-file"
            )
    if not files:
        problems.error(Location(display_path(folder)), "the claims folder has no .yaml files", code="missing")
    return files


def parse_claims_file(path: Path, files: ContentFiles, problems: ProblemList) -> tuple[YamlDocument, set[PathKey]] | None:
    """The file's document and the paths of its values that break the schema; None after reporting."""
    file = files.display_path(path)
    text = files.read_text(path, problems)
    if text is None:
        return None
    doc = read_yaml(text, file, problems, recover=True)
    if doc is None:
        return None
    if not isinstance(doc.value, dict):
        problems.error(
            doc.location(()),
            f"the file should be a mapping with the keys {', '.join(schema.ENTRY_NAMES)}, not {schema.describe(doc.value)}",
            "start each list with its key, e.g. 'people:' on a line of its own",
            code="type",
        )
        return None
    bad = schema.validate(doc, "claims", problems)
    # Where each key is written is read only while the file is read (duplicate keys) and
    # validated (unknown fields); the entries are built from values' positions. Dropped here,
    # so the check's pool does not send them back: a fifth of what the main process unpickles.
    doc.key_positions.clear()
    return doc, bad


ParsedClaims = tuple[tuple[YamlDocument, set[PathKey]] | None, tuple[Problem, ...]]


def parse_claims_files(paths: Sequence[Path], content: Path) -> list[ParsedClaims]:
    """`parse_claims_file` for each file, with its problems: plain data, so the check's pool can run it."""
    parsed = []
    files = ContentFiles(content)
    for path in paths:
        problems = ProblemList()
        parsed.append((parse_claims_file(path, files, problems), problems.items()))
    return parsed
