"""What every format is written from: the export (`dossier.export.export`), the article texts
and where the site's pages are.

The formats read the export dict defensively (`.get`), so one code path serves the export of
the contract's version 1 and the fields version 2 adds (`measures`, `archived`,
`translation`, `origin_entity`, `conflict`, dates as written, ranges with an open end).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..addresses import article_page, claim_page, url_of
from ..model import Dossier

Record = Mapping[str, Any]


@dataclass(frozen=True)
class SiteAddress:
    """Where the site's pages are, for the links the exports carry.

    `base_url` is the site's address (MkDocs' `site_url`), or "" for links relative to the
    site root, which is where the exports are published (so they resolve from there).
    """

    base_url: str = ""
    directory_urls: bool = True

    def url(self, src_uri: str) -> str:
        path = url_of(src_uri, self.directory_urls)
        if not self.base_url:
            return path
        return self.base_url.rstrip("/") + "/" + path

    def article(self, article_id: str) -> str:
        return self.url(article_page(article_id))

    def claim(self, claim_id: str) -> str:
        return self.url(claim_page(claim_id))

    def file(self, name: str) -> str:
        return self.base_url.rstrip("/") + "/" + name if self.base_url else name


@dataclass(frozen=True)
class ExportInput:
    """The input of every format: computed once per build and shared by all of them."""

    data: Record  # what dossier.export.export returns
    bodies: Mapping[str, str]  # article id -> the article's body as stored (verbatim)
    site: SiteAddress = field(default_factory=SiteAddress)
    title: str = "Dossier"  # the site's name, for the exports' titles

    def records(self, key: str) -> list[Record]:
        return list(self.data.get(key) or ())


def export_input(dossier: Dossier, data: Record, site: SiteAddress | None = None, title: str = "Dossier") -> ExportInput:
    return ExportInput(data, {a.id: a.body for a in dossier.articles.values()}, site or SiteAddress(), title)


def evidence_id(claim_id: str, number: int) -> str:
    """`<claim>-<n>`, n from 1: unambiguous, since the part after the last dash is the number."""
    return f"{claim_id}-{number}"


def as_list(value: Any) -> list[Any]:
    """A field that may be absent, null, one value or a list, as a list."""
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def date_ends(value: Any) -> tuple[str | None, str | None]:
    """(start, end) of a date as exported: "2025-09-11", "2025-09", or {"start", "end"}."""
    if isinstance(value, Mapping):
        return _text_or_none(value.get("start")), _text_or_none(value.get("end"))
    text = _text_or_none(value)
    return text, text


def date_text(value: Any) -> str | None:
    """A date as written; a range as an ISO 8601 interval, `..` for an open end ("2020/..")."""
    if not isinstance(value, Mapping):
        return _text_or_none(value)
    start, end = date_ends(value)
    return f"{start or '..'}/{end or '..'}"


def value_ends(value: Any) -> tuple[float | None, float | None]:
    """(low, high) of a quantity's value: a number, or {"min", "max"} with an open end null."""
    if isinstance(value, Mapping):
        return _number_or_none(value.get("min")), _number_or_none(value.get("max"))
    number = _number_or_none(value)
    return number, number


def value_text(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        return _number_text(value)
    low, high = value.get("min"), value.get("max")
    if low is not None and high is not None:
        return f"{_number_text(low)}–{_number_text(high)}"
    return f"at least {_number_text(low)}" if low is not None else f"at most {_number_text(high)}"


def json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def extra_fields(record: Record, known: Iterable[str]) -> dict[str, Any]:
    """The fields of `record` a format does not map: carried as they are, so nothing is lost
    when the export gains a field (scalars as they are, lists and objects as JSON text)."""
    known = set(known)
    return {
        key: value if value is None or isinstance(value, str | int | float | bool) else json_text(value)
        for key, value in record.items()
        if key not in known
    }


def _text_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def _number_or_none(value: Any) -> float | None:
    return None if value is None or isinstance(value, bool) else float(value)


def _number_text(value: Any) -> str:
    number = float(value)
    return str(int(number)) if number.is_integer() else str(number)
