"""The preview puts the kept pages' previous output back a folder at a time
(plugins/mkdocs_dossier/kept_output.py): afterwards the site holds exactly the kept pages'
files, never a file of the previous site that the new build does not write again."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs_dossier.kept_output import move_back

PREVIOUS = {
    "claims/kept-a/index.html": "kept a",
    "claims/kept-b/index.html": "kept b",
    "claims/edited/index.html": "stale: the page is rendered again",
    "claims/removed/index.html": "stale: the claim is gone",
    "claims/index.html": "stale: an index, rendered again",
    "claims/notes.txt": "stale: a file of the content folder since deleted",
    "claims/page/2/index.html": "stale: a later page of the index",
    "people/kept-c/index.html": "kept c",
    "people/kept-c/claims/page/2/index.html": "stale: a later page of the entity's claims",
    "assets/dossier/dossier.css": "written again by MkDocs",
    "404.html": "written again by MkDocs",
    "top.html": "kept d",
    "other.html": "stale",
}
WANTED = {
    "claims/kept-a/index.html",
    "claims/kept-b/index.html",
    "people/kept-c/index.html",
    "top.html",
    "articles/never-written/index.html",  # wanted, but the last site has no such file
}


def files_under(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text("utf-8") for p in folder.rglob("*") if p.is_file() or p.is_symlink()}


def folders_under(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_dir() and not p.is_symlink()}


def make_previous(tmp_path: Path) -> tuple[Path, Path]:
    previous, site = tmp_path / "site" / ".previous", tmp_path / "site"
    for path, text in PREVIOUS.items():
        (previous / path).parent.mkdir(parents=True, exist_ok=True)
        (previous / path).write_text(text, "utf-8")
    return previous, site


def test_only_the_kept_pages_files_are_put_back(tmp_path: Path) -> None:
    previous, site = make_previous(tmp_path)
    found = move_back(str(previous), str(site), WANTED)
    assert found == WANTED - {"articles/never-written/index.html"}
    kept = {path: text for path, text in files_under(site).items() if not path.startswith(".previous/")}
    assert kept == {path: PREVIOUS[path] for path in found}
    # No folder is left where no kept page is: a removed claim's address is not found.
    assert {f for f in folders_under(site) if not f.startswith(".previous")} == {
        "claims",
        "claims/kept-a",
        "claims/kept-b",
        "people",
        "people/kept-c",
    }


def test_a_link_in_a_kept_folder_is_removed_not_followed(tmp_path: Path) -> None:
    previous, site = make_previous(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep-me.txt").write_text("not the site's", "utf-8")
    os.symlink(outside, previous / "claims" / "linked")
    move_back(str(previous), str(site), WANTED)
    assert not (site / "claims" / "linked").exists()
    assert (outside / "keep-me.txt").read_text("utf-8") == "not the site's"


def test_an_entry_already_in_the_site_is_left_alone(tmp_path: Path) -> None:
    previous, site = make_previous(tmp_path)
    (site / "people").mkdir()
    (site / "people" / "new.html").write_text("written by this build", "utf-8")
    found = move_back(str(previous), str(site), WANTED)
    assert "people/kept-c/index.html" not in found  # rendered again instead
    assert files_under(site / "people") == {"new.html": "written by this build"}
