"""Reading input files safely: size-bounded, UTF-8 checked, confined to the content folder."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from .problems import Location, ProblemList
from .text import nfc

MAX_FILE_BYTES = 10 * 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# The same characters as bytes: in UTF-8 these bytes stand only for themselves, so a file
# without them has none of the characters, which bytes.translate finds five times faster.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def display_path(path: Path) -> str:
    """How a file is named in messages: relative to the working folder when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # pragma: no cover - another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def inside(path: Path, root: Path) -> bool:
    """True when `path`, with every symbolic link followed, stays under `root`; a link to nothing does not."""
    try:
        # Strict for a link: one that leads nowhere (its target missing, or links in a loop,
        # which pathlib refuses with RuntimeError) is refused as a link leaving the folder.
        path.resolve(strict=path.is_symlink()).relative_to(root.resolve())
    except (ValueError, RuntimeError, OSError):
        return False
    return True


def links_leaving(root: Path) -> list[Path]:
    """Symbolic links under `root` that point outside it (or nowhere).

    A pull request can add a link to a file of the build machine; MkDocs would copy it
    into the published site. Folders reached through such links are not walked.
    """
    found = []
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        for entry in entries:
            if entry.is_symlink() and (not entry.exists() or not inside(entry, root)):
                found.append(entry)
                continue
            if entry.is_dir() and not entry.is_symlink():
                stack.append(entry)
    return sorted(found)


def report_link_leaving(path: Path, problems: ProblemList) -> None:
    problems.error(
        Location(display_path(path), 1, 1),
        "this is a symbolic link to something outside the content folder",
        "replace it with the file itself: nothing outside the content folder may be read or published",
        code="symlink",
    )


def read_text(path: Path, root: Path, problems: ProblemList) -> str | None:
    """The file's text with line ends as \\n and Unicode composed (NFC), or None after reporting."""
    name = display_path(path)
    if not inside(path, root):
        report_link_leaving(path, problems)
        return None
    return _read(path, name, problems)


def _read(path: Path, name: str, problems: ProblemList, size: int | None = None) -> str | None:
    """`read_text` of a file known to be inside (`size`: its size, if known), shown as `name`."""
    try:
        if _refused_size(path.stat().st_size if size is None else size, name, problems):
            return None
        data = path.read_bytes()
    except OSError as err:
        problems.error(Location(name, 1, 1), f"cannot read the file: {err.strerror or err}", code="unreadable")
        return None
    return _decoded(data, name, problems)


def _refused_size(size: int, name: str, problems: ProblemList) -> bool:
    if size <= MAX_FILE_BYTES:
        return False
    problems.error(
        Location(name, 1, 1),
        f"the file is {size / 1048576:.1f} MB; files over {MAX_FILE_BYTES // 1048576} MB are refused",
        "split it, or keep only the text the dossier needs",
        code="too-large",
    )
    return True


def _decoded(data: bytes, name: str, problems: ProblemList) -> str | None:
    """The text of a file's bytes (see `read_text`), or None after reporting."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        line_start = data.rfind(b"\n", 0, err.start) + 1
        col = len(data[line_start : err.start].decode("utf-8", "replace")) + 1  # in characters
        problems.error(
            Location(name, line, col),
            f"the file is not valid UTF-8 (byte 0x{data[err.start]:02x})",
            "save the file with UTF-8 encoding",
            code="encoding",
        )
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = _CONTROL.search(text) if len(data.translate(None, _CONTROL_BYTES)) != len(data) else None
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        col = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        problems.error(
            Location(name, line, col),
            f"the file contains the control character U+{ord(bad.group()):04X}; is it a binary file?",
            "only plain text is accepted: remove the character or replace the file",
            code="binary",
        )
        return None
    return nfc(text)


class ContentFiles:
    """`display_path` and `read_text` for many files of one content folder, sharing their work.

    Both functions mostly work on the file's folder: its place relative to the working folder,
    and whether it really is inside the content folder (two `realpath`s per file, most of
    reading a short article). Here that is found once per folder, and a file that is not a
    link is known by one `lstat` to be where its folder is: `realpath(folder/name)` is
    `realpath(folder)/name` when `name` is a plain name (not `.` or `..`) and not a symbolic
    link. Anything else (a link, a missing file, a folder outside) takes the general
    functions, so the results are theirs (tests/test_load_fast.py compares them).
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self._relative: dict[str, str] = {}  # folder -> its path relative to the working folder
        self._inside: dict[str, bool] = {}  # folder -> whether it really is inside the root

    def display_path(self, path: Path) -> str:
        """What `display_path(path)` gives."""
        folder, name = os.path.split(path)  # what path.parent and path.name are, as text
        if name in ("", ".", ".."):
            return display_path(path)
        folder_relative = self._relative.get(folder)
        if folder_relative is None:
            folder_relative = self._relative[folder] = os.path.relpath(folder or ".")
        if folder_relative.startswith("..") and set(folder_relative.split(os.sep)) != {".."}:
            return str(path)  # a folder outside the working folder, not above it: its files too
        relative = name if folder_relative == "." else os.path.join(folder_relative, name)
        # The working folder itself below `path`: as ever.
        return display_path(path) if relative.startswith("..") else relative

    def _folder_inside(self, folder: str) -> bool:
        known = self._inside.get(folder)
        if known is None:
            known = self._inside[folder] = inside(Path(folder or "."), self.root)
        return known

    def read_text(self, path: Path, problems: ProblemList) -> str | None:
        """What `read_text(path, self.root, problems)` gives."""
        try:
            status = os.lstat(path)
        except OSError:
            status = None
        folder, name = os.path.split(path)
        plain_file = status is not None and stat.S_ISREG(status.st_mode) and name not in ("", ".", "..")
        if status is None or not plain_file or not self._folder_inside(folder):
            return read_text(path, self.root, problems)
        return _read(path, self.display_path(path), problems, status.st_size)  # not a link: its own size
