"""`content/rechecks.yaml`: what `dossier recheck` found, per captured article (contract v3).

The file is written by `dossier recheck` (and the weekly workflow's pull request), and read
here like any content file: checked against its schema, every problem with file and line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .. import schema
from ..files import display_path, read_text
from ..model import Article, LostQuote, Recheck
from ..problems import Location, ProblemList
from .documents import read_yaml

RECHECKS_FILE = "rechecks.yaml"


def load_rechecks(content: Path, articles: Mapping[str, Article], problems: ProblemList) -> dict[str, Recheck]:
    """The last recheck of each article, by article id; {} when there is no file."""
    path = content / RECHECKS_FILE
    if not path.exists():
        return {}
    file = display_path(path)
    text = read_text(path, content, problems)
    doc = None if text is None else read_yaml(text, file, problems)
    if doc is None:
        return {}
    if not isinstance(doc.value, dict):
        problems.error(
            Location(file, 1, 1), f"{RECHECKS_FILE} should be a mapping with 'rechecks:', not {schema.describe(doc.value)}", code="type"
        )
        return {}
    bad = schema.validate(doc, "rechecks", problems)
    found: dict[str, Recheck] = {}
    for index, entry in enumerate(doc.value.get("rechecks") or []):
        path_key = ("rechecks", index)
        if any(broken[:2] == path_key for broken in bad) or ("rechecks",) in bad:
            continue
        where = doc.location(path_key)
        recheck = _recheck(entry, where, articles, problems)
        if recheck is None:
            continue
        if recheck.article in found:
            problems.error(
                where,
                f"article '{recheck.article}' is rechecked twice in {RECHECKS_FILE}",
                f"keep only its last recheck (line {found[recheck.article].location.line})",
                code="duplicate-id",
            )
            continue
        found[recheck.article] = recheck
    return found


def _recheck(entry: dict[str, Any], where: Location, articles: Mapping[str, Article], problems: ProblemList) -> Recheck | None:
    article = entry["article"]
    if article not in articles:
        problems.error(
            where,
            f"{RECHECKS_FILE} names the article '{article}', which does not exist",
            "remove this entry (the article was deleted or renamed), or run `dossier recheck` again",
            code="unknown-id",
        )
        return None
    try:
        dt.date.fromisoformat(entry["date"])
    except ValueError:
        problems.error(where, f"the recheck's date '{entry['date']}' is not a real date", "write it as YYYY-MM-DD", code="date")
        return None
    return Recheck(
        article=article,
        date=entry["date"],
        state=entry["state"],
        changed=tuple(entry.get("changed") or ()),
        quotes_lost=tuple(LostQuote(lost["claim"], lost["quote"]) for lost in entry.get("quotes_lost") or ()),
        location=where,
    )
