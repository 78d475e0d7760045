"""`dossier pages --out DIR`: the site as a folder of Markdown pages that a generator without
our plugin (Zensical, MkDocs, ProperDocs) builds whole (dossier/site/markdown_pages.py)."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .load import ARTICLES_FOLDER, CLAIMS_FILE, CLAIMS_FOLDER
from .parallel import checked_with_pool
from .report import summary_line, text_report

if TYPE_CHECKING:
    from .site.site import Output

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
MARKER = ".dossier-pages"  # in DIR: written by this command, so a later run may replace what it wrote
DOCS = "docs"

DESCRIPTION = """\
Check the dossier as `dossier check` does, then write the whole site as Markdown into DIR:
DIR/docs/ holds every generated page (entities, claims, articles, indexes, timeline,
discrepancies, map, ...) as a Markdown file with its HTML, the content folder's own pages,
the assets and the data exports; DIR/nav.yml is the navigation and DIR/mkdocs.yml a complete
configuration without the dossier plugin, which Zensical, MkDocs and ProperDocs all read:
  cd DIR && zensical build"""


def add_parser(commands: Any) -> None:
    """Adds `pages` to the CLI's subcommands (argparse's _SubParsersAction)."""
    parser = commands.add_parser(
        "pages",
        help="write the site as Markdown pages, for a generator without the plugin (Zensical)",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--out", required=True, type=Path, metavar="DIR", help="the folder to write (empty, or written by dossier pages)")
    parser.add_argument("--content", default="content", type=Path, help="the content folder (default: content)")
    parser.add_argument("--site-name", default="Dossier", help="the site's name (default: Dossier)")
    parser.add_argument("--site-url", default="", help="the site's address, for absolute links in the data (default: none)")
    parser.add_argument("--custom-templates", type=Path, metavar="DIR", help="a folder of templates replacing the shipped ones")


def _unusable(out: Path) -> str:
    """Why `out` may not be written, or ""."""
    if out.exists() and not out.is_dir():
        return f"'{out}' is a file, not a folder"
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists():
        return f"'{out}' is not empty and was not written by dossier pages: name a new or empty folder"
    return ""


def own_files(content: Path) -> Iterator[str]:
    """The content folder's files that are published as they are: all but the sources (claims, articles) and hidden files."""
    for root, dirs, names in os.walk(content):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))  # hidden, as MkDocs leaves them out
        for name in sorted(name for name in names if not name.startswith(".")):
            relative = Path(root, name).relative_to(content).as_posix()
            if relative == CLAIMS_FILE or relative.startswith((CLAIMS_FOLDER + "/", ARTICLES_FOLDER + "/")):
                continue
            yield relative


def _write(output: Output, docs: Path) -> None:
    target = docs / output.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(output.content if isinstance(output.content, bytes) else output.content.encode())


def run(args: argparse.Namespace) -> int:
    # The site's modules (Jinja, the templates) only for this command: `dossier check` starts
    # without them, as the pre-commit hook runs it with the check's libraries alone.
    from jinja2 import TemplateError

    from .site.markdown_pages import PageError, generator_config, markdown_site, navigation, off_nav
    from .site.preview.prerender import SiteSettings
    from .site.rendering.links import HOME
    from .site.rendering.templating import template_error_message

    out: Path = args.out
    reason = _unusable(out)
    if reason:
        sys.stderr.write(f"dossier pages: error: {reason}\n")
        return EXIT_USAGE
    result = checked_with_pool(args.content)  # as `dossier check` runs it
    if not result.ok or result.dossier is None or result.analysis is None:
        sys.stderr.write(text_report(result.problems))
        sys.stderr.write(f"dossier pages: not written: {summary_line(result.problems)}\n")
        return EXIT_PROBLEMS
    sys.stderr.write(text_report(result.warnings))
    content = args.content.resolve()
    templates = args.custom_templates.resolve() if args.custom_templates else None
    settings = SiteSettings(content, directory_urls=False, custom_templates=templates, site_url=args.site_url, title=args.site_name)
    site = settings.site(result.dossier, result.analysis)
    docs = out / DOCS
    shutil.rmtree(docs, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("written by `dossier pages`: the next run replaces this folder's docs/\n", "utf-8")
    own = [name for name in own_files(content) if name != HOME]
    for name in own:
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(content / name, docs / name)
    home = content / HOME
    own_home = home.read_text("utf-8") if home.is_file() else None
    taken, pages = [], 0
    try:
        for output in markdown_site(settings, site, args.site_name, own_home):
            if output.src_uri in own:
                taken.append(output.src_uri)
                continue
            _write(output, docs)
            pages += output.src_uri.endswith(".md")
    except (PageError, TemplateError) as error:  # a custom template that does not fit (the home page: TemplateError)
        message = str(error) if isinstance(error, PageError) else template_error_message(error, HOME)
        sys.stderr.write(f"dossier pages: error: {message}\n")
        return EXIT_PROBLEMS
    if taken:
        sys.stderr.write(
            "dossier pages: error: these files of the content folder would be replaced by generated pages or files of the same name; "
            f"rename or remove them: {', '.join(sorted(taken))}\n"
        )
        return EXIT_PROBLEMS
    nav = navigation(site, [name for name in own if name.endswith(".md")])
    _write_config(out, generator_config(args.site_name, args.site_url, nav, off_nav(site)))
    print(f"dossier pages: wrote {pages} pages to {docs}; build the site with: cd {out} && zensical build")
    return EXIT_OK


class _ConfigDumper(yaml.SafeDumper):
    """Writes a text of several lines (`not_in_nav`) as a block, one pattern a line, as people write it."""


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None)


_ConfigDumper.add_representer(str, _text)


def _write_config(out: Path, config: dict[str, object]) -> None:
    """The navigation alone (`nav.yml`, to paste into a configuration of one's own) and a whole configuration."""

    def dump(data: dict[str, object]) -> str:
        return yaml.dump(data, Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False, width=1000)

    (out / "nav.yml").write_text(dump({"nav": config["nav"], "not_in_nav": config["not_in_nav"]}), "utf-8")
    header = "# Written by `dossier pages`: a site without the dossier plugin (Zensical, MkDocs or ProperDocs).\n"
    (out / "mkdocs.yml").write_text(header + dump(config), "utf-8")
