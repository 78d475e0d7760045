"""Realistic news pages of our own writing, for the capture tests (served by pytest-httpserver).

Each page has what a real one has around its story: a header with navigation, a cookie
banner, share buttons, related links, a newsletter box and a footer. None of it may end up
in the article text.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

STORY_TITLE = "Harbour authority reopens the northern quay after storm repairs"
STORY_AUTHOR = "Maren Holt"
STORY_DATE = "2026-03-14"
STORY_PARAGRAPHS = (
    "The harbour authority of Vesterhavn reopened the northern quay on Saturday, eleven weeks after "
    "a winter storm tore away a section of its sea wall and left two cranes standing in the water.",
    "Engineers replaced 140 metres of the wall with reinforced concrete blocks and raised its crest "
    "by half a metre, the authority said in a statement read to reporters at the quay.",
    "“We built it for the storms we will have, not for the ones we used to have,” said Ingrid Sæther, "
    "the authority's chief engineer, adding that the repairs had cost 38 million kroner.",
    "Fishing crews, who had been unloading at the smaller southern basin since January, welcomed the "
    "reopening but said the delay had cost them a large part of the winter season.",
    "The authority expects the two damaged cranes to return to service by the end of April, once "
    "their foundations have been inspected by an independent surveyor.",
)
NAVIGATION = ("Front page", "Politics", "Economy", "Sport", "Culture", "Weather")
RELATED = (
    "Council debates new ferry timetable for the islands",
    "Record catch of herring lands at Vesterhavn market",
    "Opinion: our harbours need a plan for rising seas",
)
FOOTER = "© 2026 Vesterhavn Daily Courier. All rights reserved. Contact the newsroom: tips@courier.example"


def news_page(paragraphs: tuple[str, ...] = STORY_PARAGRAPHS, *, title: str = STORY_TITLE, with_meta: bool = True) -> str:
    """A whole news page around the story (the paragraphs are escaped)."""
    nav = "\n".join(f'<li><a href="/section/{i}">{escape(name)}</a></li>' for i, name in enumerate(NAVIGATION))
    related = "\n".join(f'<li><a href="/related/{i}">{escape(text)}</a></li>' for i, text in enumerate(RELATED))
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    meta = (
        f"""<meta name="author" content="{escape(STORY_AUTHOR)}">
<meta property="article:published_time" content="{STORY_DATE}T09:30:00+01:00">
<meta property="og:site_name" content="Vesterhavn Daily Courier">
<meta property="og:title" content="{escape(title)}">"""
        if with_meta
        else ""
    )
    byline = (
        f"""<p class="byline">By <span class="author">{escape(STORY_AUTHOR)}</span> ·
<time datetime="{STORY_DATE}T09:30:00+01:00">14 March 2026</time></p>"""
        if with_meta
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{escape(title)} | Vesterhavn Daily Courier</title>
{meta}
</head>
<body>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<header class="site-header">
<a class="logo" href="/">Vesterhavn Daily Courier</a>
<nav class="main-nav"><ul>
{nav}
</ul></nav>
<form class="search" action="/search"><input name="q" placeholder="Search the Courier"></form>
</header>
<main>
<article>
<h1>{escape(title)}</h1>
{byline}
<div class="share">Share this story: <a href="/share/fb">Facebook</a> <a href="/share/x">X</a> <a href="/share/mail">Email</a></div>
<div class="article-body">
{body}
</div>
</article>
<aside class="related">
<h2>Related stories</h2>
<ul>
{related}
</ul>
</aside>
<section class="newsletter"><h2>Get the morning briefing</h2><p>Sign up for our newsletter and never miss a story from the coast.</p></section>
</main>
<footer class="site-footer">
<ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="/ads">Advertise</a></li></ul>
<p>{escape(FOOTER)}</p>
</footer>
</body>
</html>
"""


def paywall_page() -> str:
    """A page whose story is behind a paywall: chrome and a teaser, no article text."""
    return """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Subscribe | Vesterhavn Daily Courier</title></head>
<body>
<header><nav><ul><li><a href="/">Front page</a></li><li><a href="/politics">Politics</a></li></ul></nav></header>
<main><div class="paywall"><h2>Subscribe to keep reading</h2><button>Subscribe</button></div></main>
<footer><p>© 2026 Vesterhavn Daily Courier</p></footer>
</body></html>
"""


def front_matter(text: str) -> dict[str, object]:
    """The front matter of an article file, as YAML reads it."""
    import yaml

    head = text.split("\n---\n", 1)[0].removeprefix("---\n")
    return dict(yaml.safe_load(head))


def body_of(text: str) -> str:
    return text.split("\n---\n", 1)[1]


def files_under(folder: Path) -> list[str]:
    """Every file under a folder, hidden and temporary ones included, relative to it."""
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())


QUOTED = "reopened the northern quay on Saturday, eleven weeks after a winter storm"
QUOTING_CLAIM = f"""\
  - id: quay-reopened
    text: The northern quay reopened after storm repairs.
    about: [belarus]
    evidence:
      - article: quay
        stance: supports
        quote: {QUOTED}
"""
