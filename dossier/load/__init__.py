"""Loading a content folder into the model: articles, entities and claims, with positions.

Everything is read and checked for shape here; references between ids are collected as
`Reference`s and checked afterwards (validate.py), once every id in every file is known.

The parts: `articles` (article files), `claims_files` (where the claims are written),
`documents` (YAML with its problems reported), `ids` (the id registry), `references` (the
reference collector), `date_fields` and `entries` (one builder per entry type).
"""

from __future__ import annotations

from collections import defaultdict
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path

from ..chunks import submit_chunks
from ..kinds import CLAIM_SECTION, KINDS, MEASURE_SECTION
from ..model import Dossier
from ..problems import ProblemList
from ..yamlsource import PathKey, YamlDocument
from .articles import ARTICLES_FOLDER, article_files, collect_articles, load_article_files, load_articles
from .claims_files import CLAIMS_FILE, CLAIMS_FOLDER, claims_files, parse_claims_files
from .entries import Collected, Fields, LooseQuote, QuantityUse, build_claim, build_entity, build_measure
from .file_cache import ParsedFiles
from .ids import ARTICLE_IDS, ID_PATTERN, RESERVED_IDS, IdRegistry
from .rechecks import RECHECKS_FILE, load_rechecks
from .references import Reference

__all__ = [
    "ARTICLES_FOLDER",
    "CLAIMS_FILE",
    "CLAIMS_FOLDER",
    "ID_PATTERN",
    "RECHECKS_FILE",
    "RESERVED_IDS",
    "Loaded",
    "QuantityUse",
    "Reference",
    "claims_files",
    "load",
    "load_articles",
]


@dataclass
class Loaded:
    dossier: Dossier
    references: list[Reference] = field(default_factory=list)
    # Ids whose entries were too broken to build: references to them are not reported again.
    broken_ids: set[str] = field(default_factory=set)
    # (article, quote, where) of evidence items too broken to build, whose quotes are still checked.
    loose_quotes: list[LooseQuote] = field(default_factory=list)
    # Every claim's quantity with where it is written, checked against the declared measures.
    quantities: list[QuantityUse] = field(default_factory=list)
    # Names of the entries given a duplicate id: an unknown id written as one of them is not reported.
    shadowed_names: set[str] = field(default_factory=set)


def _entries(doc: YamlDocument, section: str, broken: dict[PathKey, set[PathKey]]) -> list[Fields]:
    """The mappings listed under `section`, each with its invalid values; none if the list is invalid."""
    listed = doc.value.get(section) or []
    if (section,) in broken or not isinstance(listed, list):
        return []
    return [
        Fields(doc, (section, index), entry, frozenset(broken.get((section, index), ())))
        for index, entry in enumerate(listed)
        if isinstance(entry, dict)
    ]


def _add_document(doc: YamlDocument, bad: set[PathKey], collected: Collected) -> None:
    broken: dict[PathKey, set[PathKey]] = defaultdict(set)  # entry path -> its invalid values
    for path in bad:
        broken[path[:2]].add(path[2:])
    collected.broken_ids.update(doc.skipped_ids)  # entries left out past a syntax error: not reported again
    for spec in KINDS:
        for fields in _entries(doc, spec.section, broken):
            entity = build_entity(fields, spec, collected)
            if entity is not None:
                collected.entities[entity.id] = entity
    for fields in _entries(doc, MEASURE_SECTION, broken):
        measure = build_measure(fields, collected)
        if measure is not None:
            collected.measures[measure.id] = measure
    for fields in _entries(doc, CLAIM_SECTION, broken):
        claim = build_claim(fields, collected)
        if claim is not None:
            collected.claims[claim.id] = claim


def load(content: Path, problems: ProblemList, executor: Executor | None = None, files: ParsedFiles | None = None) -> Loaded:
    """Read everything under `content`; problems are added to `problems`, never raised.

    With an executor (the check's pool), its workers parse the claims files and read the
    articles, several files at a time. With `files`, the previous check's reading of the
    files left as they were is reused (the preview).
    """
    run = files.run if files is not None else submit_chunks
    claim_problems = ProblemList()  # added after the articles' problems, as they are found when serial
    built = ProblemList()  # the entries' problems: added after every claims file's, as when serial
    # Articles first: their ids are registered before any entry's. Then each claims file's
    # entries are built here as soon as it is parsed, while the pool parses the next ones.
    reading = run(executor, load_article_files, article_files(content, problems), content)
    parsing = run(executor, parse_claims_files, claims_files(content, claim_problems), content)
    articles = collect_articles(reading(), problems)
    collected = Collected(built, IdRegistry(built))
    for article in articles.values():
        collected.ids.register(article.id, article.location, ARTICLE_IDS)
    for parsed, found in parsing:
        claim_problems.add_all(found)
        if parsed is not None:
            _add_document(*parsed, collected)
    problems.extend(claim_problems)
    problems.extend(built)
    rechecks = load_rechecks(content, articles, problems)
    dossier = Dossier(
        articles=articles, entities=collected.entities, claims=collected.claims, measures=collected.measures, rechecks=rechecks
    )
    return Loaded(
        dossier,
        collected.references.references,
        collected.broken_ids,
        collected.loose_quotes,
        collected.quantities,
        collected.shadowed_names,
    )
