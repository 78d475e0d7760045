"""One side of a diff: a revision's content folder, checked and exported.

The export dict (what `dossier export` prints) is the interface: whatever the model's
classes become, the diff reads the same JSON fields, with `.get` so that fields added later
(a discrepancy's `conflict`, an evidence item's `origin_entity`) are used when present.
"""

from __future__ import annotations

import tempfile
from concurrent.futures import Executor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..check import check_content
from ..export import export
from ..files import display_path
from ..git import git, path_in_repository
from ..problems import Location, Problem

# git's file modes: regular and executable files are content; links and submodules are not.
_FILE_MODES = {b"100644", b"100755"}


@dataclass(frozen=True)
class Snapshot:
    label: str  # how the revision is named to the user: "working tree", "main (1a2b3c4)"
    data: dict[str, Any]  # the export, or as much of it as loaded when there are errors
    bodies: dict[str, str] = field(default_factory=dict)  # article id -> body
    errors: tuple[Problem, ...] = ()
    derived: bool = True  # statuses and discrepancies are known (no errors)
    missing: bool = False  # the content folder does not exist in this revision
    accepted: tuple[Problem, ...] = ()  # the warnings an `accept` covers (v3)


def _value(value: Any) -> Any:
    """An enum's value, else the value itself (model fields read without the model's classes)."""
    return getattr(value, "value", value)


def _loaded_only(dossier: Any) -> dict[str, Any]:
    """What a dossier with errors still says: enough to compare ids, names, texts and quotes."""
    articles = [{"id": a.id, "title": getattr(a, "title", None), "outlet": getattr(a, "outlet", None)} for a in dossier.articles.values()]
    entities = [
        {"id": e.id, "kind": _value(getattr(e, "kind", None)), "name": e.name, "aliases": list(getattr(e, "aliases", ()))}
        for e in dossier.entities.values()
    ]
    claims = [
        {
            "id": c.id,
            "text": getattr(c, "text", None),
            "about": list(getattr(c, "about", ())),
            "status": None,
            "evidence": [
                {
                    "article": e.article,
                    "stance": _value(getattr(e, "stance", None)),
                    "quote": getattr(e, "quote", None),
                    "via": getattr(e, "via", None),
                    "note": getattr(e, "note", None),
                }
                for e in getattr(c, "evidence", ())
            ],
        }
        for c in dossier.claims.values()
    ]
    measures = [
        {"id": m.id, "name": m.name, "unit": m.unit, "tolerance": m.tolerance, "summary": m.summary}
        for m in getattr(dossier, "measures", {}).values()
    ]
    return {"articles": articles, "entities": entities, "measures": measures, "claims": claims, "discrepancies": []}


def _relocated(problem: Problem, checked: Path, shown: str) -> Problem:
    """A problem found in a temporary copy, named as the user knows the file."""
    prefix = str(checked)

    def named(text: str) -> str:
        return text.replace(prefix, shown)

    location = Location(named(problem.location.file), problem.location.line, problem.location.col)
    return replace(problem, location=location, message=named(problem.message), hints=tuple(named(h) for h in problem.hints))


def snapshot_folder(content: Path, label: str, shown: str | None = None, executor: Executor | None = None) -> Snapshot:
    """Check and export the content folder `content`; `shown` names it in messages; `executor`:
    where the check runs its per-article stages (check.py), None for this process."""
    if not content.is_dir():
        return Snapshot(label, {}, derived=False, missing=True)
    result = check_content(content, executor)
    errors = tuple(_relocated(p, content, shown) if shown else p for p in result.errors)
    dossier = result.dossier
    if dossier is None:  # pragma: no cover - only when the folder vanished meanwhile
        return Snapshot(label, {}, errors=errors, derived=False, missing=True)
    bodies = {a.id: a.body for a in dossier.articles.values()}
    accepted = tuple(_relocated(p, content, shown) if shown else p for p in result.accepted)
    if result.analysis is not None and not errors:
        return Snapshot(label, _with_acceptances(export(dossier, result.analysis), dossier), bodies, errors, accepted=accepted)
    return Snapshot(label, _with_acceptances(_loaded_only(dossier), dossier), bodies, errors, derived=False, accepted=accepted)


def _with_acceptances(data: dict[str, Any], dossier: Any) -> dict[str, Any]:
    """The export with each entry's `accept` list (v3), which it does not publish, for the diff to compare."""
    sources = {"articles": dossier.articles, "entities": dossier.entities, "claims": dossier.claims}
    for section, entries in sources.items():
        for record in data.get(section) or ():
            entry = entries.get(record.get("id"))
            record["accept"] = list(getattr(entry, "accept", ()))
            if section == "claims" and entry is not None:
                for item, evidence in zip(record.get("evidence") or (), entry.evidence, strict=False):
                    item["accept"] = list(getattr(evidence, "accept", ()))
    return data


def materialise(root: Path, commit: str, content: Path, target: Path) -> Path | None:
    """Write the content folder as it is in `commit` under `target`; None when it has none.

    One `git ls-tree` and one `git cat-file --batch`, whatever the number of files.
    """
    folder = path_in_repository(content, root)
    listing = git("ls-tree", "-r", "-z", "--full-tree", commit, "--", folder, cwd=root)
    entries: list[tuple[str, bytes]] = []
    for record in filter(None, listing.split(b"\0")):
        meta, raw_path = record.split(b"\t", 1)
        mode, kind, blob = meta.split(b" ")
        if kind == b"blob" and mode in _FILE_MODES:
            entries.append((raw_path.decode("utf-8", "surrogateescape"), blob))
    if not entries:
        return None
    contents = _blobs([blob for _, blob in entries], root)
    base = target / Path(content.name or "content")
    for path, blob in entries:
        relative = path[len(folder) + 1 :] if folder != "." else path
        destination = base / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(contents[blob])
    base.mkdir(parents=True, exist_ok=True)
    return base


def _blobs(blobs: list[bytes], root: Path) -> dict[bytes, bytes]:
    """The contents of many blobs from one `git cat-file --batch`."""
    output = git("cat-file", "--batch", cwd=root, input_bytes=b"".join(blob + b"\n" for blob in blobs))
    contents: dict[bytes, bytes] = {}
    position = 0
    for blob in blobs:
        header_end = output.index(b"\n", position)
        size = int(output[position:header_end].split(b" ")[2])
        contents[blob] = output[header_end + 1 : header_end + 1 + size]
        position = header_end + 1 + size + 1  # the content is followed by a newline
    return contents


def snapshot_revision(root: Path, commit: str, content: Path, label: str, executor: Executor | None = None) -> Snapshot:
    """Check and export the content folder as it is in `commit`, in a temporary copy."""
    with tempfile.TemporaryDirectory(prefix="dossier-diff-") as temporary:
        copy = materialise(root, commit, content, Path(temporary))
        if copy is None:
            return Snapshot(label, {}, derived=False, missing=True)
        return snapshot_folder(copy, label, display_path(content), executor)
