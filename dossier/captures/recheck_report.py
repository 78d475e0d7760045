"""The findings of `dossier recheck`, for a terminal (text), a pull request or job summary
(markdown) and programs (json)."""

from __future__ import annotations

import json
from collections import Counter

from .recheck import CHANGED, GONE, UNCHANGED, UNREACHABLE, Finding

_ORDER = (GONE, CHANGED, UNREACHABLE, UNCHANGED)


def _clip(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def summary(findings: list[Finding]) -> str:
    counts = Counter(finding.state for finding in findings)
    said = ", ".join(f"{counts[state]} {state}" for state in _ORDER if counts[state])
    return f"{len(findings)} captured article{'s' if len(findings) != 1 else ''} rechecked" + (f": {said}" if said else "")


def text_report(findings: list[Finding]) -> str:
    out = []
    for finding in findings:
        out.append(f"{finding.article}: {finding.state} ({finding.detail})")
        out.append(f"    {finding.url}")
        for change in finding.changes:
            if change.before is not None:
                out.append(f"    - captured: “{_clip(change.before)}”")
            if change.after is not None:
                out.append(f"    + live:     “{_clip(change.after)}”")
        for lost in finding.quotes_lost:
            out.append(f"    quote no longer on the live page (claim {lost.claim}): “{_clip(lost.quote)}”")
    out.append(f"dossier recheck: {summary(findings)}")
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    """Text from a web page, safe in Markdown: no HTML, no table breaks."""
    return _clip(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")


def markdown_report(findings: list[Finding], date: str) -> str:
    out = [f"## Recheck of the captured sources, {date}", "", summary(findings) + ".", ""]
    if findings:
        out += ["| Article | State | What was seen |", "|---|---|---|"]
        ordered = sorted(findings, key=lambda f: _ORDER.index(f.state))
        out += [f"| `{f.article}` | **{f.state}** | {_md(f.detail)} |" for f in ordered]
        out.append("")
    for finding in findings:
        if not finding.changes and not finding.quotes_lost:
            continue
        out += [f"### `{finding.article}`: {finding.state}", "", f"<{finding.url}>" if finding.url.startswith("http") else "", ""]
        for change in finding.changes:
            before = f"> captured: {_md(change.before)}" if change.before is not None else "> captured: (nothing: added on the live page)"
            after = f"> live: {_md(change.after)}" if change.after is not None else "> live: (removed)"
            out += [before, ">", after, ""]
        if finding.quotes_lost:
            out.append("Quotes no longer on the live page:")
            out += [f"- claim `{lost.claim}`: “{_md(lost.quote)}”" for lost in finding.quotes_lost]
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def json_report(findings: list[Finding], date: str) -> str:
    data = {
        "date": date,
        "articles": [
            {
                "article": f.article,
                "url": f.url,
                "state": f.state,
                "detail": f.detail,
                "changes": [{"captured": c.before, "live": c.after} for c in f.changes],
                "quotes_lost": [{"claim": q.claim, "quote": q.quote} for q in f.quotes_lost],
            }
            for f in findings
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
