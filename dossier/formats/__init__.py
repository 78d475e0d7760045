"""The dossier as data other tools read, besides dossier.json: one module per format.

Each format is written from the export (`dossier.export.export`, computed once per build)
and the articles' texts, and gives the files to publish, by name:

    sqlite       dossier.db (SQLite for Datasette) and dossier.metadata.json (its metadata)
    ftm          dossier.ftm.json (FollowTheMoney entities, one JSON object per line)
    annotations  annotations.json (a W3C Web Annotation collection)

The modules import their libraries only when used: followthemoney takes seconds to import.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from .common import ExportInput, SiteAddress, export_input

__all__ = ["FORMATS", "ExportInput", "Format", "SiteAddress", "export_input"]


@dataclass(frozen=True)
class Format:
    name: str  # as `dossier export --format NAME` takes it
    filename: str  # the file the site publishes
    binary: bool  # cannot be written to a terminal
    module: str  # the module of dossier.formats that writes it
    function: str

    @property
    def writer(self) -> Callable[[ExportInput, str], dict[str, bytes]]:
        writer: Callable[[ExportInput, str], dict[str, bytes]] = getattr(import_module(f"{__name__}.{self.module}"), self.function)
        return writer

    def write(self, source: ExportInput, filename: str | None = None) -> dict[str, bytes]:
        """The files of this format, by name (`filename`, or its own, and any companion)."""
        return self.writer(source, filename or self.filename)


FORMATS = {
    f.name: f
    for f in (
        Format("sqlite", "dossier.db", True, "sqlite", "write_sqlite"),
        Format("ftm", "dossier.ftm.json", False, "ftm", "write_ftm"),
        Format("annotations", "annotations.json", False, "annotations", "write_annotations"),
    )
}
