"""Articles: `articles/<id>.md`, YAML front matter then the text, kept verbatim."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .. import schema
from ..acceptance import Acceptance
from ..files import ContentFiles, display_path, inside
from ..model import Article
from ..origin_checks import report_spelling
from ..problems import Location, Problem, ProblemList
from .date_fields import date_value
from .documents import read_yaml
from .ids import ID_PATTERN, RESERVED_IDS

ARTICLES_FOLDER = "articles"
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_ACCEPT_LINE = re.compile(r"^accept[ \t]*:", re.MULTILINE)


def load_articles(content: Path, problems: ProblemList) -> dict[str, Article]:
    """Every article of the content folder, by id, in file name order."""
    return collect_articles(load_article_files(article_files(content, problems), content), problems)


def article_files(content: Path, problems: ProblemList) -> list[Path]:
    """The article files, in name order; other files of the folder are reported and skipped."""
    folder = content / ARTICLES_FOLDER
    if not folder.is_dir():
        problems.error(
            Location(display_path(folder)),
            "the articles folder is missing",
            f"create {display_path(folder)}/ with one .md file per article",
            code="missing",
        )
        return []
    if not inside(folder, content):
        problems.error(
            Location(display_path(folder)), "the articles folder is a link to a folder outside the content folder", code="symlink"
        )
        return []
    files = []
    # Sorted by name (as `sorted(folder.iterdir())` would, all being in one folder, but faster);
    # scandir knows most entries' type without a stat of each.
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda entry: entry.name)
    for entry in entries:
        path = folder / entry.name
        if entry.name.startswith("."):
            continue  # .gitkeep and editor files are not content
        # A link is asked about first: is_file() would follow it, and raise on a loop.
        if path.suffix != ".md" or not (entry.is_symlink() or entry.is_file()):
            problems.warning(
                Location(display_path(path), 1, 1),
                "not an article: only .md files directly inside the articles folder are read",
                "move it out of the articles folder, or rename it to end in .md",
                code="ignored-file",
            )
            continue
        files.append(path)
    return files


LoadedArticle = tuple[Article | None, tuple[Problem, ...]]


def load_article_files(paths: Sequence[Path], content: Path) -> list[LoadedArticle]:
    """Each file's article (None if it cannot be read) and its problems: plain data, so the check's pool can run it."""
    loaded = []
    files = ContentFiles(content)
    for path in paths:
        problems = ProblemList()
        article = _load_article(path, files, problems)
        loaded.append((article, problems.items()))
    return loaded


def collect_articles(loaded: Sequence[LoadedArticle], problems: ProblemList) -> dict[str, Article]:
    articles: dict[str, Article] = {}
    for article, found in loaded:
        problems.add_all(found)
        if article is not None:
            articles[article.id] = article
    return articles


def _load_article(path: Path, files: ContentFiles, problems: ProblemList) -> Article | None:
    file = files.display_path(path)
    text = files.read_text(path, problems)
    if text is None or not _valid_file_name(path, file, problems):
        return None
    front = _front_matter(text, file, problems)
    if front is None:
        return None
    meta, end, capture_line = front
    body_line = text.count("\n", 0, end) + 2
    body = text[end + 1 :] if end < len(text) else ""
    if "published" not in meta:
        problems.warning(
            Location(file, 1, 1),
            "the article has no 'published' date",
            "add 'published: YYYY-MM-DD' to the front matter so it sorts on timelines",
            code="no-date",
        )
    if not body.strip():
        problems.warning(Location(file, body_line, 1), "the article has no text below its front matter", code="empty-article")
    author = meta.get("author")
    return Article(
        id=path.stem,
        title=meta["title"],
        outlet=meta["outlet"],
        authors=tuple([author] if isinstance(author, str) else author or ()),
        published=meta.get("published"),
        url=meta.get("url"),
        archived=meta.get("archived"),
        language=meta.get("language", "en"),
        body=body,
        location=Location(file, 1, 1),
        body_line=body_line,
        retrieved=meta.get("retrieved"),
        capture=meta.get("capture"),
        sha256=meta["sha256"].lower() if "sha256" in meta else None,
        capture_location=Location(file, capture_line, 1) if "capture" in meta else None,
        acceptance=_acceptance(meta, text[:end], file, path.stem),
    )


def _acceptance(meta: dict[str, Any], front: str, file: str, article_id: str) -> Acceptance | None:
    """The front matter's `accept` list (v3): it covers the whole article file."""
    codes = meta.get("accept")
    if not codes:
        return None
    found = _ACCEPT_LINE.search(front)
    line = front.count("\n", 0, found.start()) + 1 if found else 1
    return Acceptance(tuple(dict.fromkeys(codes)), Location(file, line, 1), f"article '{article_id}'", 1, 0)


def _valid_file_name(path: Path, file: str, problems: ProblemList) -> bool:
    """The file name is the article's id: it must be a valid one."""
    article_id = path.stem
    if article_id in RESERVED_IDS:
        problems.error(Location(file, 1, 1), f"'{path.name}' is reserved for the index of articles", "rename the file", code="reserved-id")
        return False
    if not ID_PATTERN.match(article_id):
        slug = "-".join(re.sub(r"[^a-z0-9]+", " ", article_id.lower()).split())
        problems.error(
            Location(file, 1, 1),
            f"the file name '{path.name}' is not a valid article id: use lowercase letters a-z, digits and '-'",
            f"rename it to '{slug or 'article'}.md'",
            code="article-id",
        )
        return False
    return True


def _front_matter(text: str, file: str, problems: ProblemList) -> tuple[dict[str, Any], int, int] | None:
    """The valid front matter (with `published` as a date), where it ends and the line of its
    `capture` (0 without); None after reporting."""
    if not text.startswith("---\n"):
        problems.error(
            Location(file, 1, 1),
            "the article has no front matter",
            "start the file with a line '---', then 'title:' and 'outlet:' lines, then another '---' line",
            code="front-matter",
        )
        return None
    end = _FRONT_MATTER_END.search(text, 4)
    if end is None:
        problems.error(Location(file, 1, 1), "the front matter is not closed", "add a line '---' after its last field", code="front-matter")
        return None
    doc = read_yaml(text[4 : end.start()], file, problems, line_offset=1)
    if doc is None:
        return None
    if not isinstance(doc.value, dict):
        problems.error(
            Location(file, 2, 1), f"the front matter should be fields like 'title: ...', not {schema.describe(doc.value)}", code="type"
        )
        return None
    bad = schema.validate(doc, "article", problems)
    meta = dict(doc.value)
    if "published" in meta and ("published",) not in bad:
        meta["published"] = date_value(meta["published"], doc, ("published",), problems, "'published'")
    if "retrieved" in meta and ("retrieved",) not in bad and not _real_time(meta["retrieved"]):
        problems.error(
            doc.location(("retrieved",)),
            f"'retrieved' is not a real date and time: '{meta['retrieved']}'",
            "write it as YYYY-MM-DDTHH:MM:SSZ, as `dossier add-article URL` does",
            code="date",
        )
        del meta["retrieved"]  # reported; the article is still read (its quotes are checked)
    if bad:
        return None
    report_spelling(meta["outlet"], "the outlet", doc.location(("outlet",)), problems, origin=True)
    return meta, end.end(), doc.key_location(("capture",)).line if "capture" in meta else 0


def _real_time(written: str) -> bool:
    try:
        dt.datetime.fromisoformat(written.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True
