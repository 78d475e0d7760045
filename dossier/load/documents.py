"""Reading a YAML document of a content file, with its reading problems reported."""

from __future__ import annotations

from ..problems import Location, ProblemList
from ..yamlsource import YamlDocument, YamlError, parse_yaml, parse_yaml_recovering


def read_yaml(text: str, file: str, problems: ProblemList, line_offset: int = 0, recover: bool = False) -> YamlDocument | None:
    """The document with its reading problems reported; an empty document is an empty mapping.

    `recover`: past a syntax error, the rest of the document is read (yamlsource.parse_yaml_recovering)."""
    if recover:
        found, errors = parse_yaml_recovering(text, file=file)
        for err in errors:
            problems.error(Location(file, err.line, err.col), err.message, err.hint, code="yaml")
        if found is None:
            return None
        doc = found
    else:
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
