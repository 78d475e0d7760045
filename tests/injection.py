"""A dossier carrying injection payloads in every text field, for the site and browser tests.

Every payload would, if it reached the page as markup, either call `alert()` (a dialog) or
set `window.__pwned`; the site must show all of them as text.
"""

from __future__ import annotations

import json
from pathlib import Path

from sitebuild import MINIMAL_MKDOCS_YML, write_project

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "[click](javascript:alert(3))",
    '{: onclick="alert(4)" }',
    '"><svg onload=alert(5)>',
    "</title><script>alert(6)</script>",
    "![x](data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==)",
    "<a href='javascript:alert(8)'>x</a>",
    # Silent ones: no dialog, only a flag the browser tests look for.
    '<img src=x onerror="window.__pwned=1">',
    "<script>window.__pwned=2</script>",
    '"><svg/onload="window.__pwned=3">',
    '<details open ontoggle="window.__pwned=4">',
    "[flag](javascript:window.__pwned=5)",
]
EVIL = " ".join(PAYLOADS)

EVIL_ARTICLE = "evil-article"
EVIL_ENTITY = "people/evil"
EVIL_EVENT = "events/evil-event"
EVIL_CLAIMS = ("claims/evil-claim", "claims/evil-claim-2")


def _yaml(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def write_injection_project(root: Path, mkdocs_yml: str = MINIMAL_MKDOCS_YML) -> Path:
    """A project in `root` whose every text field carries EVIL; returns its mkdocs.yml.

    The dossier is valid (it builds without --strict; the article has an author and a date),
    with one person, one event, two claims (one supported, one contradicted) sharing a
    measure, so that every page kind, the discrepancies page included, shows hostile text.
    """
    body = f"Belarus freed 52 prisoners. {EVIL}\n\n{EVIL} said Evil Name {{: onclick=alert(9) }}\n"
    article = (
        f"---\ntitle: {_yaml('Title ' + EVIL)}\noutlet: {_yaml('Outlet ' + EVIL)}\nauthor: {_yaml('Author ' + EVIL)}\n"
        f"published: 2025-09-11\n---\n{body}"
    )
    claims = f"""\
people:
  - id: evil
    name: {_yaml("Evil Name " + EVIL)}
    aliases: [{_yaml("Evil Name")}, {_yaml("<b>alias</b>")}]
    summary: {_yaml("Summary " + EVIL)}
events:
  - id: evil-event
    name: {_yaml("Event " + EVIL)}
    date: 2025-09-11
    participants: [evil]
claims:
  - id: evil-claim
    text: {_yaml("Claim " + EVIL)}
    about: [evil, evil-event]
    date: 2025-09-11
    quantity: {{measure: {_yaml("measure " + EVIL)}, value: 1}}
    evidence:
      - article: {EVIL_ARTICLE}
        stance: supports
        quote: {_yaml(EVIL)}
        translation: {_yaml("Translation " + EVIL)}
        via: {_yaml("Via " + EVIL)}
        note: {_yaml("Note " + EVIL)}
  - id: evil-claim-2
    text: other
    about: [evil]
    quantity: {{measure: {_yaml("measure " + EVIL)}, value: 2}}
    evidence:
      - article: {EVIL_ARTICLE}
        stance: contradicts
        quote: "Belarus freed 52 prisoners"
"""
    return write_project(root, claims, {EVIL_ARTICLE: article}, mkdocs_yml)
