"""The site's folders made ahead of the pages, in a thread.

MkDocs writes each page into a folder of its own (`claims/<id>/index.html`), making the
folder first: on a busy disk, making 5,000 folders took a tenth of a 1,000-article build,
all in the build's one thread. The generated pages' folders are known once the site is
planned, so a thread makes them while the build renders (the system calls leave Python's
lock to the build); MkDocs then finds each folder there. It makes only folders MkDocs would
make, after MkDocs has emptied the site folder.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable

from mkdocs.structure.files import File


def make_folders_ahead(files: Iterable[File]) -> threading.Thread:
    folders = sorted({os.path.dirname(file.abs_dest_path) for file in files})
    thread = threading.Thread(target=_make, args=(folders,), name="dossier-folders", daemon=True)
    thread.start()
    return thread


def make_folder(folder: str) -> None:
    """`os.makedirs(folder, exist_ok=True)` in one system call when its parent exists (thousands of pages)."""
    try:
        os.mkdir(folder)
    except FileExistsError:
        pass
    except FileNotFoundError:
        os.makedirs(folder, exist_ok=True)


def _make(folders: list[str]) -> None:
    for folder in folders:
        try:
            make_folder(folder)
        except OSError:
            return  # MkDocs makes it, and reports what is wrong
