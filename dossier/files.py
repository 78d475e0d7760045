"""Reading input files safely: size-bounded, UTF-8 checked, confined to the content folder."""

from __future__ import annotations

import os
import re
from pathlib import Path

from .problems import Location, ProblemList
from .text import nfc

MAX_FILE_BYTES = 10 * 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def display_path(path: Path) -> str:
    """How a file is named in messages: relative to the working folder when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # pragma: no cover - another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def inside(path: Path, root: Path) -> bool:
    """True when `path`, with every symbolic link followed, stays under `root`."""
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
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
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.error(
                Location(name, 1, 1),
                f"the file is {size / 1048576:.1f} MB; files over {MAX_FILE_BYTES // 1048576} MB are refused",
                "split it, or keep only the text the dossier needs",
                code="too-large",
            )
            return None
        data = path.read_bytes()
    except OSError as err:
        problems.error(Location(name, 1, 1), f"cannot read the file: {err.strerror or err}", code="unreadable")
        return None
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
    bad = _CONTROL.search(text)
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
