"""Reading a YAML document of a content file, with its reading problems reported."""

from __future__ import annotations

from ..problems import Location, ProblemList
from ..yamlsource import YamlDocument, YamlError, parse_yaml


def read_yaml(text: str, file: str, problems: ProblemList, line_offset: int = 0) -> YamlDocument | None:
    """The document with its reading problems reported; an empty document is an empty mapping."""
    try:
        doc = parse_yaml(text, line_offset=line_offset, file=file)
    except YamlError as err:
        problems.error(Location(file, err.line, err.col), err.message, err.hint, code="yaml")
        return None
    for message, line, col, hint in doc.issues:
        problems.error(Location(file, line, col), message, hint, code="duplicate-key")
    if doc.value is None:
        doc.value = {}
    return doc
