"""Loading a content folder into the model: articles, entities and claims, with positions.

Everything is read and checked for shape here; references between ids are collected as
`Reference`s and checked afterwards (validate.py), once every id in every file is known.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import schema
from .files import display_path, inside, read_text
from .model import SECTIONS, Article, Claim, DateRange, DateValue, Dossier, Entity, Evidence, Kind, Quantity, Range, Stance
from .problems import Location, ProblemList
from .yamlsource import PathKey, YamlDocument, YamlError, parse_yaml

ID_PATTERN = re.compile(r"[a-z0-9-]+\Z")
# An id becomes a page `<folder>/<id>.md`; `index` would take the place of the folder's index page.
RESERVED_IDS = frozenset({"index"})
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
CLAIMS_FILE = "claims.yaml"
CLAIMS_FOLDER = "claims"
ARTICLES_FOLDER = "articles"


@dataclass(frozen=True)
class Reference:
    """An id written somewhere that must name an existing thing of an allowed kind."""

    target: str
    kinds: frozenset[Kind] | None  # None: an article id
    location: Location
    field: str  # where it is written, for messages: "claim 'x', 'about'"


@dataclass
class Loaded:
    dossier: Dossier
    references: list[Reference] = field(default_factory=list)
    # Ids whose entries were too broken to build: references to them are not reported again.
    broken_ids: set[str] = field(default_factory=set)
    # (article, quote, where) of evidence items too broken to build, whose quotes are still checked.
    loose_quotes: list[tuple[str, str, Location]] = field(default_factory=list)


def _date(text: str, where: Location, what: str, problems: ProblemList) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        problems.error(where, f"{what} '{text}' is not a real calendar date", "write an existing date as YYYY-MM-DD", code="date")
        return None


def _date_value(value: Any, doc: YamlDocument, path: PathKey, file: str, problems: ProblemList) -> DateValue | None:
    what = schema.label(doc, path)
    if isinstance(value, str):
        return _date(value, Location(file, *doc.position(path)), what, problems)
    start = _date(value["start"], Location(file, *doc.position(path + ("start",))), what + " start", problems)
    end = _date(value["end"], Location(file, *doc.position(path + ("end",))), what + " end", problems)
    if start is None or end is None:
        return None
    if end < start:
        problems.error(
            Location(file, *doc.position(path)), f"{what} ends ({end}) before it starts ({start})", "swap start and end", code="date"
        )
        return None
    return DateRange(start, end)


def _read_yaml(text: str, file: str, problems: ProblemList, line_offset: int = 0) -> YamlDocument | None:
    """The document with its reading problems reported; an empty document is an empty mapping."""
    try:
        doc = parse_yaml(text, line_offset=line_offset)
    except YamlError as err:
        problems.error(Location(file, err.line, err.col), err.message, err.hint, code="yaml")
        return None
    for message, line, col, hint in doc.issues:
        problems.error(Location(file, line, col), message, hint, code="duplicate-key")
    if doc.value is None:
        doc.value = {}
    return doc


# ----- articles -----


def _load_article(path: Path, root: Path, problems: ProblemList) -> Article | None:
    file = display_path(path)
    text = read_text(path, root, problems)
    if text is None:
        return None
    article_id = path.stem
    if article_id in RESERVED_IDS:
        problems.error(Location(file, 1, 1), f"'{path.name}' is reserved for the index of articles", "rename the file", code="reserved-id")
        return None
    if not ID_PATTERN.match(article_id):
        slug = "-".join(re.sub(r"[^a-z0-9]+", " ", article_id.lower()).split())
        problems.error(
            Location(file, 1, 1),
            f"the file name '{path.name}' is not a valid article id: use lowercase letters a-z, digits and '-'",
            f"rename it to '{slug or 'article'}.md'",
            code="article-id",
        )
        return None
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
    doc = _read_yaml(text[4 : end.start()], file, problems, line_offset=1)
    if doc is None:
        return None
    if not isinstance(doc.value, dict):
        problems.error(
            Location(file, 2, 1), f"the front matter should be fields like 'title: ...', not {schema.describe(doc.value)}", code="type"
        )
        return None
    bad = schema.validate(doc, "article", file, problems)
    meta = doc.value
    published = None
    if "published" in meta and ("published",) not in bad:
        published = _date(meta["published"], Location(file, *doc.position(("published",))), "'published'", problems)
    if bad:
        return None
    body_line = text.count("\n", 0, end.end()) + 2
    body = text[end.end() + 1 :] if end.end() < len(text) else ""
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
        id=article_id,
        title=meta["title"],
        outlet=meta["outlet"],
        authors=tuple([author] if isinstance(author, str) else author or ()),
        published=published,
        url=meta.get("url"),
        language=meta.get("language", "en"),
        body=body,
        location=Location(file, 1, 1),
        body_line=body_line,
    )


def load_articles(content: Path, problems: ProblemList) -> dict[str, Article]:
    folder = content / ARTICLES_FOLDER
    articles: dict[str, Article] = {}
    if not folder.is_dir():
        problems.error(
            Location(display_path(folder)),
            "the articles folder is missing",
            f"create {display_path(folder)}/ with one .md file per article",
            code="missing",
        )
        return articles
    if not inside(folder, content):
        problems.error(
            Location(display_path(folder)), "the articles folder is a link to a folder outside the content folder", code="symlink"
        )
        return articles
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue  # .gitkeep and editor files are not content
        if path.suffix != ".md" or (not path.is_file() and not path.is_symlink()):
            problems.warning(
                Location(display_path(path), 1, 1),
                "not an article: only .md files directly inside the articles folder are read",
                "move it out of the articles folder, or rename it to end in .md",
                code="ignored-file",
            )
            continue
        article = _load_article(path, content, problems)
        if article is not None:
            articles[article.id] = article
    return articles


# ----- claims.yaml -----


def claims_files(content: Path, problems: ProblemList) -> list[Path]:
    single, folder = content / CLAIMS_FILE, content / CLAIMS_FOLDER
    if single.exists() and folder.is_dir():
        problems.error(
            Location(display_path(folder)),
            f"both {CLAIMS_FILE} and a {CLAIMS_FOLDER}/ folder exist",
            f"keep one: move the contents of {CLAIMS_FILE} into {CLAIMS_FOLDER}/, or the reverse",
            code="layout",
        )
        return []
    if folder.is_dir():
        if not inside(folder, content):
            problems.error(
                Location(display_path(folder)), "the claims folder is a link to a folder outside the content folder", code="symlink"
            )
            return []
        files = []
        for path in sorted(folder.iterdir()):
            if path.name.startswith("."):
                continue
            if path.suffix in (".yaml", ".yml"):
                files.append(path)
            else:
                problems.warning(
                    Location(display_path(path), 1, 1), "not read: only .yaml files belong in the claims folder", code="ignored-file"
                )
        if not files:
            problems.error(Location(display_path(folder)), "the claims folder has no .yaml files", code="missing")
        return files
    if single.exists() or single.is_symlink():
        return [single]
    problems.error(
        Location(display_path(single)),
        f"{CLAIMS_FILE} is missing",
        f"create {display_path(single)} with people, countries, organizations, events and claims",
        code="missing",
    )
    return []


def _parse_claims_file(path: Path, content: Path, problems: ProblemList) -> tuple[str, YamlDocument, set[PathKey]] | None:
    file = display_path(path)
    text = read_text(path, content, problems)
    if text is None:
        return None
    doc = _read_yaml(text, file, problems)
    if doc is None:
        return None
    if not isinstance(doc.value, dict):
        problems.error(
            Location(file, *doc.position(())),
            f"the file should be a mapping with the keys {', '.join(schema.ENTRY_NAMES)}, not {schema.describe(doc.value)}",
            "start each list with its key, e.g. 'people:' on a line of its own",
            code="type",
        )
        return None
    return file, doc, schema.validate(doc, "claims", file, problems)


class _Builder:
    """Turns validated claims documents into entities and claims, noting every reference."""

    def __init__(self, problems: ProblemList) -> None:
        self.problems = problems
        self.entities: dict[str, Entity] = {}
        self.claims: dict[str, Claim] = {}
        self.references: list[Reference] = []
        self.broken_ids: set[str] = set()
        self.loose_quotes: list[tuple[str, str, Location]] = []
        self.first_seen: dict[str, Location] = {}

    def _register(self, entry_id: str, where: Location, what: str, namespace: str) -> bool:
        if entry_id in RESERVED_IDS:
            self.problems.error(
                where, f"the id '{entry_id}' is reserved for the site's index pages", "choose another id", code="reserved-id"
            )
            return False
        key = f"{namespace}:{entry_id}"
        if key in self.first_seen:
            first = self.first_seen[key]
            self.problems.error(
                where,
                f"duplicate id '{entry_id}': already used at {first}",
                "every id must be unique"
                + (" across people, countries, organizations and events" if namespace == "entity" else " among claims"),
                code="duplicate-id",
            )
            return False
        self.first_seen[key] = where
        return True

    def _refs(self, doc: YamlDocument, file: str, path: PathKey, values: list[str], kinds: frozenset[Kind] | None) -> None:
        if not values:
            return
        what = schema.label(doc, path)  # once per list: labels are only read when a reference fails
        for index, value in enumerate(values):
            self.references.append(Reference(value, kinds, Location(file, *doc.position(path + (index,))), what))

    def add_document(self, file: str, doc: YamlDocument, bad: set[PathKey]) -> None:
        # Bad values, grouped by entry: an entry is built from its valid fields so that its
        # other problems (references, quotes) are reported in the same run.
        broken: dict[PathKey, set[PathKey]] = defaultdict(set)
        for path in bad:
            broken[path[:2]].add(path[2:])
        for section, kind in SECTIONS.items():
            if (section,) in broken or not isinstance(doc.value.get(section) or [], list):
                continue
            for index, entry in enumerate(doc.value.get(section) or ()):
                self._entity(file, doc, (section, index), entry, kind, broken.get((section, index), set()))
        if ("claims",) not in broken and isinstance(doc.value.get("claims") or [], list):
            for index, entry in enumerate(doc.value.get("claims") or ()):
                self._claim(file, doc, ("claims", index), entry, broken.get(("claims", index), set()))

    def _start(self, file: str, doc: YamlDocument, path: PathKey, entry: Any, what: str, namespace: str, broken: set[PathKey]):
        """The entry's location, and a test of which of its fields are valid; None if it has no usable id."""
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or ("id",) in broken:
            return None
        where = Location(file, *doc.position(path))
        if not self._register(entry["id"], Location(file, *doc.position(path + ("id",))), what, namespace):
            return None

        def valid(*field: Any) -> bool:
            return field[0] in entry and not (broken and any(sub[: len(field)] == field for sub in broken))

        return where, valid

    def _entity(self, file: str, doc: YamlDocument, path: PathKey, entry: Any, kind: Kind, broken: set[PathKey]) -> None:
        started = self._start(file, doc, path, entry, kind.value, "entity", broken)
        if started is None:
            return
        where, valid = started
        entry_id = entry["id"]
        date = None
        if kind is Kind.EVENT:
            date = _date_value(entry["date"], doc, path + ("date",), file, self.problems) if valid("date") else None
            if date is None:
                self.broken_ids.add(entry_id)  # no timeline place; it cannot be built
                return
        countries = entry["countries"] if valid("countries") else []
        participants = entry["participants"] if valid("participants") else []
        self._refs(doc, file, path + ("countries",), countries, frozenset({Kind.COUNTRY}))
        self._refs(doc, file, path + ("participants",), participants, frozenset({Kind.PERSON, Kind.ORGANIZATION}))
        self.entities[entry_id] = Entity(
            id=entry_id,
            kind=kind,
            name=entry["name"] if valid("name") else entry_id,
            aliases=tuple(entry["aliases"]) if valid("aliases") else (),
            summary=entry["summary"] if valid("summary") else None,
            wikidata=entry["wikidata"] if valid("wikidata") else None,
            countries=tuple(countries),
            participants=tuple(participants),
            date=date,
            location=where,
        )

    def _claim(self, file: str, doc: YamlDocument, path: PathKey, entry: Any, broken: set[PathKey]) -> None:
        started = self._start(file, doc, path, entry, "claim", "claim", broken)
        if started is None:
            return
        where, valid = started
        date = _date_value(entry["date"], doc, path + ("date",), file, self.problems) if valid("date") else None
        quantity = self._quantity(file, doc, path, entry["quantity"]) if valid("quantity") else None
        about = entry["about"] if valid("about") else []
        claim_label = schema.label(doc, path)
        self._refs(doc, file, path + ("about",), about, frozenset(Kind))
        evidence = []
        items = entry["evidence"] if valid("evidence") or (("evidence",) not in broken and "evidence" in entry) else []
        for index, item in enumerate(items):
            item_path = path + ("evidence", index)
            if not isinstance(item, dict):
                continue
            if valid("evidence", index, "article") and "article" in item:
                self.references.append(
                    Reference(
                        item["article"],
                        None,
                        Location(file, *doc.position(item_path + ("article",))),
                        f"{claim_label}, evidence {index + 1}, 'article'",
                    )
                )
            if not valid("evidence", index):
                # Not part of the dossier, but its quote is still checked in this run.
                if "article" in item and "quote" in item and valid("evidence", index, "article") and valid("evidence", index, "quote"):
                    self.loose_quotes.append((item["article"], item["quote"], Location(file, *doc.position(item_path + ("quote",)))))
                continue
            evidence.append(
                Evidence(
                    article=item["article"],
                    stance=Stance(item["stance"]),
                    quote=item["quote"],
                    via=item.get("via"),
                    note=item.get("note"),
                    location=Location(file, *doc.position(item_path)),
                    quote_location=Location(file, *doc.position(item_path + ("quote",))),
                )
            )
        self.claims[entry["id"]] = Claim(
            id=entry["id"],
            text=entry["text"] if valid("text") else entry["id"],
            about=tuple(about),
            date=date,
            quantity=quantity,
            evidence=tuple(evidence),
            location=where,
        )

    def _quantity(self, file: str, doc: YamlDocument, path: PathKey, raw: dict[str, Any]) -> Quantity | None:
        value: int | float | Range = raw["value"]
        if isinstance(value, dict):
            value = Range(value["min"], value["max"])
            if value.min > value.max:
                self.problems.error(
                    Location(file, *doc.position(path + ("quantity", "value"))),
                    f"{schema.label(doc, path + ('quantity', 'value'))}: min ({value.min}) is larger than max ({value.max})",
                    "swap min and max",
                    code="range",
                )
                return None
        return Quantity(raw["measure"].strip(), value, raw.get("unit"))


def load(content: Path, problems: ProblemList) -> Loaded:
    """Read everything under `content`; problems are added to `problems`, never raised."""
    articles = load_articles(content, problems)
    builder = _Builder(problems)
    for path in claims_files(content, problems):
        parsed = _parse_claims_file(path, content, problems)
        if parsed is not None:
            builder.add_document(*parsed)
    dossier = Dossier(articles=articles, entities=builder.entities, claims=builder.claims)
    return Loaded(dossier, builder.references, builder.broken_ids, builder.loose_quotes)
