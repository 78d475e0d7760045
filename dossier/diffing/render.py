"""The diff for people (text), for the pull request's job summary (Markdown) and for programs (JSON).

Every text shown comes from the dossier, which is untrusted: in Markdown it is escaped so
that it can neither break a table nor inject markup; in text, control characters are shown
as escapes so that it cannot drive the terminal.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Mapping

from ..report import count
from .compare import ADDED_FACTS
from .model import DossierDiff, EditedArticle, EvidenceChange, FieldChange, RevisionState
from .words import field_words

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_MARKDOWN_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "`": "&#96;", "*": "&#42;", "_": "&#95;", "[": "&#91;", "]": "&#93;"}
_MARKDOWN_SPECIAL = re.compile(r"[&<>`*_\[\]]")
# GitHub keeps at most 1 MiB of a step's summary: long tables are cut, the rest is one command away.
MARKDOWN_ROWS = 200
_PLAIN_ID = re.compile(r"[A-Za-z0-9.-]+")
_SIGNS = {"added": "+", "removed": "-", "merged": "-", "changed": "~", "appeared": "+", "disappeared": "-"}


def _plain(text: object) -> str:
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(text))


def _md(text: object) -> str:
    """Inline Markdown (a table cell, a list item) that shows `text` literally."""
    escaped = str(text).replace("\\", "\\\\").replace("|", "\\|")
    escaped = _MARKDOWN_SPECIAL.sub(lambda m: _MARKDOWN_ENTITIES[m.group()], escaped)
    return " ".join(_CONTROL.sub(" ", escaped).split())


_REMOVED = re.compile(r"&#91;-(.*?)-&#93;")
_ADDED = re.compile(r"\{\+(.*?)\+\}")


def _marked(words: str) -> str:
    """A word diff in Markdown: the escaped text, its [-removed-] and {+added+} words struck and underlined."""
    return _ADDED.sub(r"<ins>\1</ins>", _REMOVED.sub(r"<del>\1</del>", _md(words)))


def _code(identifier: object) -> str:
    """An id in code style when it is a plain id (escapes do not work inside code spans)."""
    text = str(identifier)
    return f"`{text}`" if _PLAIN_ID.fullmatch(text) else _md(text)


Names = Mapping[str, tuple[str, str | None]]  # measure id -> (name, unit), for quantities in words


def _field(change: FieldChange, names: Names) -> str:
    """`unit: people → persons`; a fact of a new entry as `quantity: 31 people (Prisoners freed)`."""
    before, after = field_words(change.field, change.before, names), field_words(change.field, change.after, names)
    if change.before is None and change.field in ADDED_FACTS:
        return f"{change.field}: {after}"
    return f"{change.field}: {before} → {after}"


def _evidence(item: EvidenceChange, names: Names) -> str:
    """`evidence added (article), supports, via Viasna: “quote”`, with what changed on it."""
    facts = [f"evidence {item.change} ({item.article})", *([item.stance] if item.stance else [])]
    facts += [f"via {item.via}" if item.via else "no via"] if item.stance else []
    facts += [f"accepts {', '.join(item.accept)}"] if item.accept else []
    details = "; ".join(_field(f, names) for f in item.fields)
    return ", ".join(facts) + f": “{item.quote}”" + (f" [{details}]" if details else "")


def _citation_lines(article: EditedArticle) -> list[str]:
    lines = [f"paragraph {p.paragraph}: {p.words}" for p in article.passages]
    for c in article.citations:
        lines.append(f"NO LONGER FOUND: quoted by {c.claim}: “{c.quote}”" if not c.found else f"quoted by {c.claim}: “{c.quote}”")
    if not article.citations:
        lines.append("no quote is in or next to a changed passage")
    if article.other_quotes:
        lines.append(f"({count(article.other_quotes, 'other quote')} of this article away from the changes)")
    return lines


def _notices(state: RevisionState, role: str) -> list[str]:
    """What the reader must know about a revision before trusting the comparison."""
    if state.missing:
        return [f"{role}: {state.label} has no content folder: everything in the other revision shows as added or removed."]
    if not state.error_count:
        return []
    return [
        f"{role}: {state.label} has {count(state.error_count, 'error')}: only what loaded is compared; "
        "statuses and discrepancies are not compared.",
        *state.first_errors,
        *(
            [f"... and {state.error_count - len(state.first_errors)} more (run `dossier check`)"]
            if state.error_count > len(state.first_errors)
            else []
        ),
    ]


def _extent(paragraphs: int) -> str:
    return f"{count(paragraphs, 'paragraph')} changed" if paragraphs else "only spacing or line breaks changed"


# ----- text -----


def render_text(diff: DossierDiff) -> str:
    names = diff.measure_names
    lines = [f"dossier diff: {diff.base.label} → {diff.head.label}"]
    if diff.edited_articles:
        lines.append(f"EDITED ARTICLES: {count(len(diff.edited_articles), 'article')} changed text, which is evidence:")
        for article in diff.edited_articles:
            lines.append(f"  ! {article.article} “{article.title}”: {_extent(article.paragraphs_changed)}")
            lines += [f"      {line}" for line in _citation_lines(article)]
    for state, role in ((diff.base, "BASE"), (diff.head, "HEAD")):
        lines += [f"note: {line}" for line in _notices(state, role)]
    if diff.status_changes:
        lines.append("Status changes:")
        lines += [f"  {s.claim}: {s.before} → {s.after}  ({s.text})" for s in diff.status_changes]
    if diff.claims:
        lines.append("Claims:")
        for claim in diff.claims:
            status = f" [{claim.status}]" if claim.status else ""
            lines.append(f"  {_SIGNS[claim.change]} {claim.claim}{status}: {claim.text}")
            lines += [f"      {_field(f, names)}" for f in claim.fields] + [f"      {_evidence(e, names)}" for e in claim.evidence]
    if diff.measures:
        lines.append("Measures:")
        for m in diff.measures:
            lines.append(f"  {_SIGNS.get(m.change, '~')} {m.measure} “{m.name}”: {m.change}")
            lines += [f"      {_field(f, diff.measure_names)}" for f in m.fields]
    if diff.discrepancies:
        lines.append("Discrepancies:")
        for d in diff.discrepancies:
            conflict = " (conflict)" if d.conflict else ""
            lines.append(f"  {_SIGNS.get(d.change, '~')} {d.measure}{conflict}: {d.change}: {'; '.join(d.values)}")
    lines += _text_entities_and_articles(diff)
    if diff.empty:
        lines.append(NO_CHANGE)
    return "".join(_plain(line) + "\n" for line in lines)


NO_CHANGE = "No change to the dossier's claims, measures, entities, discrepancies or articles."


def _text_entities_and_articles(diff: DossierDiff) -> list[str]:
    lines = []
    names = diff.measure_names
    if diff.accepted:
        lines.append("Warnings newly accepted (check each one):")
        lines += [f"  {line}" for text in diff.accepted for line in text.splitlines()]
    if diff.entities:
        lines.append("Entities:")
        for e in diff.entities:
            what = {"renamed": f"renamed from “{e.renamed_from}”", "merged": f"merged into {e.merged_into}"}.get(e.change, e.change)
            lines.append(f"  {_SIGNS.get(e.change, '~')} {e.entity} “{e.name}”: {what}")
            lines += [f"      alias added: {a}" for a in e.aliases_added] + [f"      alias removed: {a}" for a in e.aliases_removed]
            lines += [f"      {_field(f, names)}" for f in e.fields]
    if diff.articles:
        lines.append("Articles:")
        for a in diff.articles:
            lines.append(f"  {_SIGNS[a.change]} {a.article} “{a.title}”: {a.change}")
            lines += [f"      {_field(f, names)}" for f in a.fields]
    return lines


# ----- Markdown -----


def render_markdown(diff: DossierDiff) -> str:
    out = [f"## Dossier diff: {_md(diff.base.label)} → {_md(diff.head.label)}", ""]
    if diff.edited_articles:
        out += [
            "> [!WARNING]",
            f"> **The text of {count(len(diff.edited_articles), 'article')} was edited.** An article's text is evidence: "
            "check that every quote below still says what its claim needs.",
            "",
            "### ⚠️ Edited articles",
            "",
            "| Article | What changed | Quotes in or next to it |",
            "| --- | --- | --- |",
        ]
        for a in diff.edited_articles:
            passages = "<br>".join(f"paragraph {p.paragraph}: {_marked(p.words)}" for p in a.passages) or _extent(a.paragraphs_changed)
            quotes = "<br>".join(_md(line) for line in _citation_lines(a)[len(a.passages) :])
            out.append(f"| {_code(a.article)} {_md(a.title)} | {passages} | {quotes} |")
        out.append("")
    for state, role in ((diff.base, "Base"), (diff.head, "Head")):
        notices = _notices(state, role)
        if notices:
            out += ["> [!CAUTION]", f"> {_md(notices[0])}", *(f"> - {_md(line)}" for line in notices[1:]), ""]
    if diff.status_changes:
        out += ["### Status changes", "", "| Claim | Status |", "| --- | --- |"]
        out += [f"| {_code(s.claim)} {_md(s.text)} | {_md(s.before)} → **{_md(s.after)}** |" for s in diff.status_changes]
        out.append("")
    out += _markdown_claims(diff) + _markdown_others(diff)
    if diff.empty:
        out += [NO_CHANGE, ""]
    return "\n".join(out)


def _details(fields: tuple[FieldChange, ...], names: Names, evidence: tuple[EvidenceChange, ...] = (), extra: tuple[str, ...] = ()) -> str:
    items = [_md(line) for line in extra] + [_md(_field(f, names)) for f in fields] + [_md(_evidence(e, names)) for e in evidence]
    return "<br>".join(items)


def _cut(rows: list[str]) -> list[str]:
    if len(rows) <= MARKDOWN_ROWS:
        return rows
    return [*rows[:MARKDOWN_ROWS], "", f"... and {len(rows) - MARKDOWN_ROWS} more: run `dossier diff` to see them all."]


def _markdown_claims(diff: DossierDiff) -> list[str]:
    if not diff.claims:
        return []
    out = ["### Claims", "", "| Claim | Change | Status | Details |", "| --- | --- | --- | --- |"]
    rows = [
        f"| {_code(c.claim)} {_md(c.text)} | {c.change} | {_md(c.status or '')} | {_details(c.fields, diff.measure_names, c.evidence)} |"
        for c in diff.claims
    ]
    return [*out, *_cut(rows), ""]


def _markdown_others(diff: DossierDiff) -> list[str]:
    out = []
    if diff.measures:
        out += ["### Measures", "", "| Measure | Change | Details |", "| --- | --- | --- |"]
        out += [f"| {_code(m.measure)} {_md(m.name)} | {m.change} | {_details(m.fields, diff.measure_names)} |" for m in diff.measures] + [
            ""
        ]
    if diff.accepted:
        out += ["### Warnings newly accepted", "", "Each was checked by the analyst and kept: check it too.", ""]
        out += [f"- {_md(text.splitlines()[0])}" for text in diff.accepted] + [""]
    if diff.discrepancies:
        out += ["### Discrepancies", "", "| Measure | Change | Values |", "| --- | --- | --- |"]
        for d in diff.discrepancies:
            change = d.change + (" (conflict)" if d.conflict and d.change in ("appeared", "changed") else "")
            out.append(f"| {_code(d.measure)} | {_md(change)} | {'<br>'.join(_md(v) for v in d.values)} |")
        out.append("")
    if diff.entities:
        out += ["### Entities", "", "| Entity | Change | Details |", "| --- | --- | --- |"]
        rows: list[str] = []
        for e in diff.entities:
            extra = (
                *((f"was “{e.renamed_from}”",) if e.renamed_from else ()),
                *((f"merged into {e.merged_into}",) if e.merged_into else ()),
                *(f"alias added: {a}" for a in e.aliases_added),
                *(f"alias removed: {a}" for a in e.aliases_removed),
            )
            rows.append(f"| {_code(e.entity)} {_md(e.name)} | {e.change} | {_details(e.fields, diff.measure_names, extra=extra)} |")
        out += [*_cut(rows), ""]
    if diff.articles:
        out += ["### Articles", "", "| Article | Change | Details |", "| --- | --- | --- |"]
        out += [
            *_cut(
                [f"| {_code(a.article)} {_md(a.title)} | {a.change} | {_details(a.fields, diff.measure_names)} |" for a in diff.articles]
            ),
            "",
        ]
    return out


# ----- JSON -----


def render_json(diff: DossierDiff) -> str:
    data = dataclasses.asdict(diff)
    data["empty"] = diff.empty
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


RENDERERS = {"text": render_text, "markdown": render_markdown, "json": render_json}
