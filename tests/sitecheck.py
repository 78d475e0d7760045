"""Looking at a built site: every internal link and anchor resolves; nothing executable sneaks in."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class ParsedPage:
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    # (tag, attribute, value) for everything that could run script.
    dangerous: list[tuple[str, str, str]] = field(default_factory=list)
    scripts: list[tuple[dict[str, str | None], str]] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self._script: dict[str, str | None] | None = None
        self._script_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.page.ids.add(value)
            if name.startswith("on"):
                self.page.dangerous.append((tag, name, value or ""))
            if name in ("href", "src", "action", "formaction", "xlink:href") and value:
                scheme = value.strip().split(":", 1)[0].lower() if ":" in value else ""
                if scheme in ("javascript", "data", "vbscript"):
                    self.page.dangerous.append((tag, name, value))
        if tag in ("iframe", "object", "embed", "base", "meta") and (
            tag != "meta" or ("http-equiv" in values and values.get("http-equiv", "").lower() == "refresh")
        ):
            self.page.dangerous.append((tag, "", ""))
        if tag == "a" and values.get("href"):
            self.page.links.append(values["href"] or "")
        if tag == "link" and values.get("href"):
            self.page.links.append(values["href"] or "")
        if tag == "script":
            self._script = values
            self._script_text = []
            if values.get("src"):
                self.page.links.append(values["src"] or "")

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.page.scripts.append((self._script, "".join(self._script_text)))
            self._script = None


def parse(path: Path) -> ParsedPage:
    parser = _Parser()
    parser.feed(path.read_text("utf-8"))
    return parser.page


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _target(site: Path, page: Path, href: str) -> tuple[Path | None, str]:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("//"):
        return None, ""
    fragment = unquote(parts.fragment)
    if not parts.path:
        return page, fragment
    base = site if parts.path.startswith("/") else page.parent
    target = (base / unquote(parts.path).lstrip("/")).resolve()
    if parts.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, fragment


def broken_links(site: Path) -> list[str]:
    """Every internal link whose file or anchor does not exist, as 'page -> href (why)'."""
    site = site.resolve()
    parsed: dict[Path, ParsedPage] = {p.resolve(): parse(p) for p in html_files(site)}
    problems = []
    for page, info in parsed.items():
        for href in info.links:
            target, fragment = _target(site, page, href)
            if target is None:
                continue
            where = f"{page.relative_to(site)} -> {href}"
            if not str(target).startswith(str(site)):
                problems.append(f"{where} (outside the site)")
            elif not target.exists():
                problems.append(f"{where} (no such file)")
            elif fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else parse(target).ids
                # Material's own '#__' anchors are made by its scripts.
                if fragment not in ids and not fragment.startswith("__") and not fragment.startswith(":~:"):
                    problems.append(f"{where} (no anchor '{fragment}')")
    return problems
