"""The command line of captures: `dossier add-article URL` and `dossier recheck`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..add_article import AddArticleError
from ..check import check_content

# The modules that fetch pages (requests, warcio, trafilatura) are imported by the commands
# that use them, not by every `dossier check`.

RECHECK_DESCRIPTION = """\
Fetch each captured article's url again and compare the live page with the capture: per
article unchanged, changed (the passages that changed, and each quote no longer on the
live page), gone (404 or 410) or unreachable. The findings are recorded in
CONTENT/rechecks.yaml (commit it: the site shows them)."""


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def add_recheck_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    recheck = commands.add_parser(
        "recheck", help="fetch each captured article again and report what changed", description=RECHECK_DESCRIPTION
    )
    recheck.add_argument("articles", nargs="*", metavar="ARTICLE", help="article ids (default: every captured article)")
    recheck.add_argument("--content", default="content", type=Path, help="the content folder (default: content)")
    recheck.add_argument("--format", choices=("text", "markdown", "json"), default="text", help="output format (default: text)")
    recheck.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for each page (default: 30)")


def run_add_url(args: argparse.Namespace) -> int:
    from .add import UrlOptions, add_article_from_url

    options = UrlOptions(
        outlet=args.outlet,
        title=args.title,
        published=args.published,
        authors=tuple(args.author or ()),
        language=args.language,
        article_id=args.article_id,
        archive=args.archive,
    )
    try:
        added = add_article_from_url(args.source, args.content, options)
    except AddArticleError as err:
        sys.stderr.write(f"dossier add-article: error: {err}\n")
        return 1
    for hop in added.redirects:
        print(f"redirected: {hop}")
    print(f"wrote {added.capture} (SHA-256 {added.sha256})")
    print(f"wrote {added.article}")
    for note in added.notes:
        print(f"note: {note}")
    if added.not_found:
        print(f"not found in the page: {', '.join(added.not_found)}: add them to the front matter by hand if you know them")
    print("review the article's text and front matter against the page before you commit it")
    return 0


def run_recheck(args: argparse.Namespace) -> int:
    from .fetch import Client
    from .recheck import captured_articles, recheck_article, write_rechecks
    from .recheck_report import json_report, markdown_report, text_report

    result = check_content(args.content)
    if result.dossier is None:  # pragma: no cover - main() has checked the folder exists
        return 2
    articles, unknown = captured_articles(result.dossier, args.articles)
    if unknown:
        sys.stderr.write(f"dossier recheck: error: not a captured article (with capture: and url:): {', '.join(unknown)}\n")
        return 2
    client = Client(read_timeout=args.timeout, connect_timeout=min(args.timeout, 10.0))
    findings = [recheck_article(article, result.dossier, args.content, client) for article in articles]
    today = dt.datetime.now(dt.UTC).date()
    written = write_rechecks(args.content, result.dossier, findings, today) if findings else None
    if args.format == "json":
        sys.stdout.write(json_report(findings, today.isoformat()))
    elif args.format == "markdown":
        sys.stdout.write(markdown_report(findings, today.isoformat()))
    else:
        sys.stdout.write(text_report(findings))
    if written is not None:
        sys.stderr.write(f"wrote {written}\n")
    return 0
