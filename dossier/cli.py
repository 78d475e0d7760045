"""The `dossier` command: check, export, add-article."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from . import diffing, pages_command
from .add_article import AddArticleError, add_article
from .captures import commands as captures
from .check import CheckResult
from .export import export
from .formats import FORMATS, SiteAddress, export_input
from .parallel import checked_with_pool
from .report import count, github_report, json_report, step_summary, summary_line, text_report

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

CHECK_DESCRIPTION = """\
Validate the content folder as the site build does: the YAML against the schema, every
id and reference, dates and values, and every quote against its article's text. Every
problem is printed at once, as FILE:LINE:COLUMN: error|warning: MESSAGE, with hints
indented below it."""
CHECK_EXIT_CODES = f"""\
exit codes:
  {EXIT_OK}  no errors (and, with --strict, no warning that is not accepted)
  {EXIT_PROBLEMS}  the dossier has errors, or --strict and a warning no 'accept' covers
  {EXIT_USAGE}  usage error (an unknown option, or no such content folder)"""


def _version() -> str:
    from importlib import metadata  # ~16 ms: only for --version

    try:
        return metadata.version("dossier")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "(not installed)"


class _VersionAction(argparse.Action):
    """argparse's "version" action, with the version looked up only when asked for."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(f"{parser.prog} {_version()}")  # on standard output, as argparse's own
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dossier", description="Check and export a research dossier.")
    parser.add_argument("--version", action=_VersionAction, help="show the version and exit")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="validate the content and verify every quote",
        description=CHECK_DESCRIPTION,
        epilog=CHECK_EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("--content", default="content", type=Path, help="the content folder (default: content)")
    check.add_argument("--format", choices=("text", "github", "json"), default="text", help="output format (default: text)")
    check.add_argument(
        "--strict",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="fail on warnings that no 'accept' covers, as `mkdocs build --strict` does (default: on when CI=true)",
    )

    exporter = commands.add_parser("export", help="print the dossier's derived data as JSON, or write it in another format")
    exporter.add_argument("--content", default="content", type=Path, help="the content folder (default: content)")
    exporter.add_argument("--format", choices=("json", *FORMATS), default="json", help="json (default), sqlite, ftm or annotations")
    exporter.add_argument("--output", type=Path, help="the file to write (default: standard output; sqlite needs a file)")
    exporter.add_argument("--site-url", default="", help="the site's address, for absolute links (default: links relative to the site)")

    adder = commands.add_parser(
        "add-article", help="capture a page (URL), or turn a raw text article (FILE), into content/articles/<id>.md"
    )
    adder.add_argument(
        "source",
        metavar="URL_OR_FILE",
        help="the page's address: it is fetched, kept as a WARC under content/captures/ and its text extracted; "
        "or a raw text file: headline on the first line unless --title is given, paragraphs separated by blank lines",
    )
    adder.add_argument("--outlet", help="who published it (required for a file; for a URL, default: the site's name)")
    adder.add_argument("--title", help="the headline, when the text has no headline line")
    adder.add_argument("--published", help="publication date, YYYY-MM-DD (or YYYY-MM, or YYYY)")
    adder.add_argument("--url", help="the original address (http or https)")
    adder.add_argument("--author", action="append", help="an author (repeat for several)")
    adder.add_argument("--language", help="language code (default: the page's, else en)")
    adder.add_argument("--archive", action="store_true", help="for a URL: also ask the Internet Archive to save the page (Save Page Now)")
    adder.add_argument("--id", dest="article_id", help="the article id (default: outlet and date)")
    adder.add_argument("--content", default="content", type=Path, help="the content folder (default: content)")
    diffing.add_parser(commands)
    pages_command.add_parser(commands)
    captures.add_recheck_parser(commands)
    return parser


STRICT_FAILURE = (
    "dossier check: warnings fail under --strict, as in CI and `mkdocs build --strict`: fix each one, or, once "
    "checked, accept it on the entry it is about (accept: [code]; see the guide, 'Warnings and how to accept them')\n"
)


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def _check(args: argparse.Namespace) -> int:
    strict = in_ci() if args.strict is None else args.strict
    result = checked_with_pool(args.content)
    code = _print_check(args, result)
    if result.ok and not result.passes(strict):
        sys.stdout.write(STRICT_FAILURE)
        codes = ", ".join(sorted({p.code for p in result.warnings}))
        sys.stdout.write(f"dossier check: the codes of these warnings, to accept one where it is written: {codes}\n")
    return code if result.passes(strict) else EXIT_PROBLEMS


def _print_check(args: argparse.Namespace, result: CheckResult) -> int:
    problems = result.problems
    if args.format == "json":
        sys.stdout.write(json_report(problems))
    elif args.format == "github":
        sys.stdout.write(github_report(problems))
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            with open(summary, "a", encoding="utf-8") as handle:
                handle.write(step_summary(problems))
        print(f"dossier check: {summary_line(problems)}")
    else:
        sys.stdout.write(text_report(problems))
        counts = ""
        if result.dossier is not None:
            d = result.dossier
            measures = f"{count(len(d.measures), 'measure')}, " if d.measures else ""  # said once a dossier has some
            counts = f" ({count(len(d.articles), 'article')}, {count(len(d.entities), 'entity', 'entities')}, {measures}{count(len(d.claims), 'claim')})"
        print(f"dossier check: {summary_line(problems)}{counts}")
    return EXIT_OK if result.ok else EXIT_PROBLEMS


def _export(args: argparse.Namespace) -> int:
    chosen = FORMATS.get(args.format)
    if chosen is not None and chosen.binary and args.output is None:
        sys.stderr.write(f"dossier export: error: --format {args.format} writes a binary file: name it with --output FILE\n")
        return EXIT_USAGE
    result = checked_with_pool(args.content)
    if not result.ok or result.dossier is None or result.analysis is None:
        sys.stderr.write(text_report(result.problems))
        sys.stderr.write(f"dossier export: not exported: {summary_line(result.problems)}\n")
        return EXIT_PROBLEMS
    sys.stderr.write(text_report(result.warnings))
    data = export(result.dossier, result.analysis)
    if chosen is None:
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        files = {str(args.output): text.encode()} if args.output else None
        if files is None:
            sys.stdout.write(text)
    else:
        source = export_input(result.dossier, data, SiteAddress(args.site_url))
        files = chosen.write(source, str(args.output) if args.output else None)
        if args.output is None:
            sys.stdout.write(files[chosen.filename].decode())
            files = None
    for name, content in (files or {}).items():
        Path(name).write_bytes(content)
        sys.stderr.write(f"wrote {name}\n")
    return EXIT_OK


def _add_article(args: argparse.Namespace) -> int:
    if captures.is_url(args.source):
        return captures.run_add_url(args)
    try:
        target = add_article(
            Path(args.source),
            args.content,
            outlet=args.outlet,
            title=args.title,
            published=args.published,
            url=args.url,
            authors=args.author,
            language=args.language or "en",
            article_id=args.article_id,
        )
    except AddArticleError as err:
        sys.stderr.write(f"dossier add-article: error: {err}\n")
        return EXIT_PROBLEMS
    print(f"wrote {target}")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "add-article" and not captures.is_url(args.source) and args.outlet is None:
        parser.error("add-article FILE: the argument --outlet is required (who published it)")
    if args.command != "add-article" and not args.content.is_dir():
        sys.stderr.write(f"dossier {args.command}: error: the content folder '{args.content}' does not exist\n")
        return EXIT_USAGE
    handlers = {
        "check": _check,
        "export": _export,
        "add-article": _add_article,
        "diff": diffing.run,
        "pages": pages_command.run,
        "recheck": captures.run_recheck,
    }
    handler = handlers[args.command]
    try:
        return handler(args)
    except BrokenPipeError:  # e.g. `dossier export | head`
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
