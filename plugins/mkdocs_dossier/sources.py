"""Which files of the content folder are the dossier's input, read by the check and never
published as they are: the claims, the articles, their captures and the rechecks."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File

from dossier.captures import CAPTURES_FOLDER
from dossier.load import ARTICLES_FOLDER, CLAIMS_FILE, CLAIMS_FOLDER, RECHECKS_FILE


def is_source(file: File, content_dir: Path | None) -> bool:
    """Whether `file` lies in `content_dir` as one of the dossier's input files."""
    if not file.abs_src_path or content_dir is None:
        return False
    try:
        relative = Path(file.abs_src_path).resolve().relative_to(content_dir).as_posix()
    except ValueError:
        return False
    return relative in (CLAIMS_FILE, RECHECKS_FILE) or relative.startswith(
        (CLAIMS_FOLDER + "/", ARTICLES_FOLDER + "/", CAPTURES_FOLDER + "/")
    )
