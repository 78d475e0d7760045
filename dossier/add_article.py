"""`dossier add-article`: a raw text article becomes content/articles/<id>.md, text verbatim."""

from __future__ import annotations

import json
import re
from pathlib import Path

from .dates import parse_date
from .load import ARTICLES_FOLDER, ID_PATTERN
from .text import fold

_URL = re.compile(r"https?://\S+\Z")


class AddArticleError(Exception):
    pass


def slug(text: str, limit: int = 60) -> str:
    words = re.sub(r"[^a-z0-9]+", " ", fold(text)).split()
    out = ""
    for word in words:
        if len(out) + len(word) + 1 > limit:
            break
        out = f"{out}-{word}" if out else word
    return out


def lines(raw: str) -> list[str]:
    """The lines of a raw text, stripped, line ends of any kind."""
    return [line.strip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def paragraphs(text_lines: list[str]) -> list[str]:
    """The paragraphs of a raw text: blank lines separate them, and the lines of one are joined.

    Text copied from a web page often has no blank lines at all, one paragraph per line: a
    text without any blank line between its lines keeps each line as a paragraph.
    """
    while text_lines and not text_lines[0]:
        text_lines = text_lines[1:]
    while text_lines and not text_lines[-1]:
        text_lines = text_lines[:-1]
    if "" not in text_lines:
        return list(text_lines)
    blocks: list[list[str]] = [[]]
    for line in text_lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [" ".join(block) for block in blocks if block]


def render(meta: dict[str, object], body: list[str]) -> str:
    # JSON strings are valid YAML scalars and keep every character as written.
    lines = ["---"]
    for key, value in meta.items():
        if value is None:
            continue
        if isinstance(value, list):
            value = "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in value) + "]"
        elif isinstance(value, str) and key != "published":
            value = json.dumps(value, ensure_ascii=False)
        lines.append(f"{key}: {value}")
    lines.append("---")
    return "\n".join(lines) + "\n" + "\n\n".join(body) + "\n"


def check_options(outlet: str, title: str, published: str | None, url: str | None) -> None:
    if not outlet.strip() or not title.strip():
        raise AddArticleError("--outlet and --title must not be empty")
    if published is not None:
        parsed = parse_date(published)
        if isinstance(parsed, list):  # what is wrong: its shape, or a month or day that does not exist
            raise AddArticleError(parsed[0].text("--published"))
    if url is not None and not _URL.match(url):
        raise AddArticleError(f"--url '{url}' is not an http:// or https:// address")


def add_article(
    source: Path,
    content: Path,
    *,
    outlet: str,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    authors: list[str] | None = None,
    language: str = "en",
    article_id: str | None = None,
) -> Path:
    """Write the article file and return its path; refuses to overwrite an existing one."""
    try:
        raw = source.read_bytes().decode("utf-8-sig")
    except OSError as err:
        raise AddArticleError(f"{source}: cannot read the file: {err.strerror or err}") from None
    except UnicodeDecodeError:
        raise AddArticleError(f"{source}: the file is not UTF-8 text; save it as UTF-8 first") from None
    text_lines = lines(raw)
    if title is None:
        written = [line for line in text_lines if line]
        if not written:
            raise AddArticleError(f"{source}: the file is empty")
        title = written[0]  # the first line is the headline
        text_lines = text_lines[text_lines.index(title) + 1 :]
    body = paragraphs(text_lines)
    if not body:
        raise AddArticleError(f"{source}: the article has no text besides its title")
    check_options(outlet, title, published, url)
    article_id = article_id or "-".join(filter(None, [slug(outlet, 40), published])) or slug(title)
    if not ID_PATTERN.match(article_id or ""):
        raise AddArticleError(f"--id '{article_id}' is not a valid id: use lowercase letters a-z, digits and '-'")
    target = content / ARTICLES_FOLDER / f"{article_id}.md"
    if target.exists():
        raise AddArticleError(f"{target} already exists: not overwritten; choose another id with --id")
    meta: dict[str, object] = {
        "title": title,
        "outlet": outlet,
        "author": (authors[0] if len(authors) == 1 else authors) if authors else None,
        "published": published,
        "url": url,
        "language": language,
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write(render(meta, body))
    return target
