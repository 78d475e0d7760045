"""What the check does article by article: its quotes, its mentions, its control characters.

Each article is one `ArticleJob` (plain data: the article and the quotes that cite it), and
`check_articles` turns a list of jobs into `ArticleOutcome`s in the same order. The serial
check runs it on every article; above `parallel.POOL_MIN_ARTICLES` it runs on chunks in the
pool. `merge` adds the outcomes' problems in the order the serial check always used (every
quote problem in the order claims cite articles, then every article's control characters),
so the result does not depend on how the articles were cut into chunks.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import pickle
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass

from .chunks import submit_chunks
from .excerpts import Excerpt, Passage
from .load.file_cache import ParsedFiles
from .mentions import MentionFinder
from .model import Article, Dossier, Mention
from .problems import Location, Problem, ProblemList
from .quotes import ArticleText, Span
from .text import MappedText, casefolded, fold_mapped
from .text_checks import check_bidi_controls, verify_quote
from .visible import VisibleText, paragraph_spans, visible_text
from .wirecopy import fingerprints

QuoteKey = tuple[str, int]  # (claim id, index of the evidence item)
CitedQuote = tuple[QuoteKey | None, str, Location]  # key None: a quote of a broken item, checked only


@dataclass(frozen=True)
class ArticleJob:
    article: Article
    quotes: tuple[CitedQuote, ...]


@dataclass(frozen=True)
class ArticleOutcome:
    article: str
    found: tuple[tuple[QuoteKey, Passage], ...]
    quote_problems: tuple[Problem, ...]
    bidi_problems: tuple[Problem, ...]
    mentions: tuple[Mention, ...]
    fingerprints: bytes = b""  # its winnowed shingle hashes, for shared wire copy (wirecopy.py)


@dataclass(frozen=True)
class ArticleResults:
    passages: dict[QuoteKey, tuple[Span, ...]]  # where each cited quote is, in the order claims cite them
    mentions: dict[str, tuple[Mention, ...]]  # by article, in the dossier's order
    excerpts: dict[QuoteKey, Excerpt]  # what each cited quote shows: the article's words (v3)
    fingerprints: dict[str, bytes] = dataclasses.field(default_factory=dict)  # by article (wirecopy.py)


def article_jobs(dossier: Dossier, loose: Iterable[tuple[str, str, Location]] = ()) -> tuple[list[ArticleJob], list[QuoteKey]]:
    """One job per article (cited ones first, in the order claims cite them), and every cited quote's key."""
    cited = [
        ((claim.id, index), item.article, item.quote, item.quote_location)
        for claim in dossier.claims.values()
        for index, item in enumerate(claim.evidence)
    ]
    by_article: dict[str, list[CitedQuote]] = defaultdict(list)
    for key, article_id, quote, where in [*cited, *((None, *extra) for extra in loose)]:
        by_article[article_id].append((key, quote, where))
    # A quote of an unknown article is reported as an unknown article, not looked for.
    order = [article_id for article_id in by_article if article_id in dossier.articles]
    order += [article_id for article_id in dossier.articles if article_id not in by_article]
    jobs = [ArticleJob(dossier.articles[article_id], tuple(by_article.get(article_id, ()))) for article_id in order]
    return jobs, [key for key, *_ in cited]


def check_article(job: ArticleJob, finder: MentionFinder) -> tuple[ArticleOutcome, str]:
    """The article's outcome (without its fingerprints) and its visible text case-folded, to hash."""
    article = job.article
    problems = ProblemList()
    found: list[tuple[QuoteKey, Passage]] = []
    paragraphs = paragraph_spans(article.body)
    visible = visible_text(article.body, paragraphs)
    # Folded once keeping case, for mentions; for quotes that fold is lower-cased when it can be.
    kept_case = fold_mapped(visible.mapped, keep_case=True)
    folded = casefolded(kept_case)
    if job.quotes:
        text = ArticleText(article.body, paragraphs, visible, folded)
        for key, quote, where in job.quotes:
            passage = verify_quote(text, article, quote, where, problems)
            if passage is not None and key is not None:
                found.append((key, passage))
    bidi = ProblemList()
    check_bidi_controls(article, bidi)
    mentions = _mentions(article, paragraphs, visible, kept_case, finder)
    outcome = ArticleOutcome(article.id, tuple(found), problems.items(), bidi.items(), mentions)
    return outcome, folded.text if folded is not None else kept_case.text.casefold()


def _mentions(
    article: Article, paragraphs: tuple[tuple[int, int], ...], visible: VisibleText, kept_case: MappedText, finder: MentionFinder
) -> tuple[Mention, ...]:
    starts = [start for start, _ in paragraphs]
    return tuple(
        Mention(article.id, m.entities, max(0, bisect.bisect_right(starts, m.start) - 1), m.start, m.end)
        for m in finder.find_visible(visible, kept_case)
    )


def check_articles(jobs: Sequence[ArticleJob], finder: MentionFinder) -> list[ArticleOutcome]:
    """The unit of work of the pool (a module-level function, so that workers can import it).
    The shingle hashes are computed for the whole list at once (wirecopy.py)."""
    checked = [check_article(job, finder) for job in jobs]
    prints = fingerprints([folded for _, folded in checked])
    return [dataclasses.replace(outcome, fingerprints=kept) for (outcome, _), kept in zip(checked, prints, strict=True)]


def find_mentions(outcomes: Sequence[tuple[ArticleJob, ArticleOutcome]], finder: MentionFinder) -> list[ArticleOutcome]:
    """Outcomes whose quotes still hold, with their mentions found again (the names changed): for the pool too."""
    found = []
    for job, outcome in outcomes:
        article = job.article
        paragraphs = paragraph_spans(article.body)
        visible = visible_text(article.body, paragraphs)
        mentions = _mentions(article, paragraphs, visible, fold_mapped(visible.mapped, keep_case=True), finder)
        found.append(dataclasses.replace(outcome, mentions=mentions))
    return found


class OutcomeCache:
    """The last check's outcomes, each by a digest of everything it was computed from.

    `check_article` is a function of its job (the article, with its text, and the quotes
    citing it, with where they are written) and of the names mentions are looked for; it
    reads nothing else, and its quotes, positions and control characters do not depend on
    the names at all. So an outcome whose job digests to the same key is the one a new
    computation would give, but for its mentions when the names changed, which are then
    found again (`find_mentions`). The preview keeps one across rebuilds: an edit to one
    claim leaves every other article's quotes and mentions to be reused, and a renamed
    entity every article's quotes.
    """

    def __init__(self) -> None:
        self._outcomes: dict[bytes, ArticleOutcome] = {}
        self.names = b""  # a digest of the names the outcomes' mentions were found with
        self.files = ParsedFiles()  # the files' readings, by their bytes (load/file_cache.py)

    def keys(self, jobs: Sequence[ArticleJob]) -> list[bytes]:
        return [hashlib.blake2b(pickle.dumps(job, protocol=5)).digest() for job in jobs]

    def get(self, key: bytes) -> ArticleOutcome | None:
        return self._outcomes.get(key)

    def keep_only(self, outcomes: dict[bytes, ArticleOutcome], names: bytes) -> None:
        self._outcomes, self.names = outcomes, names  # only this check's: the cache never outgrows the dossier


def run_article_checks(
    dossier: Dossier,
    problems: ProblemList,
    loose: Iterable[tuple[str, str, Location]],
    executor: Executor | None,
    cache: OutcomeCache | None = None,
) -> ArticleResults:
    """Every article's quotes, mentions and control characters: problems added to `problems`."""
    return start_article_checks(dossier, loose, executor, cache)(problems)


def start_article_checks(
    dossier: Dossier, loose: Iterable[tuple[str, str, Location]], executor: Executor | None, cache: OutcomeCache | None = None
) -> Callable[[ProblemList], ArticleResults]:
    """`run_article_checks` in two steps: the pool starts on the articles now, and the returned
    call waits for them and adds their problems (the check validates the references meanwhile)."""
    jobs, cited = article_jobs(dossier, loose)
    names = {e.id: tuple(e.names) for e in dossier.entities.values()}
    finder = MentionFinder(names)
    if cache is None:
        computing = submit_chunks(executor, check_articles, jobs, finder)
        return lambda problems: merge(dossier, computing(), cited, problems)
    keys = cache.keys(jobs)
    names_digest = hashlib.blake2b(pickle.dumps(names, protocol=5)).digest()
    known = {key: outcome for key in keys if (outcome := cache.get(key)) is not None}
    missing = [job for job, key in zip(jobs, keys, strict=True) if key not in known]
    computing = submit_chunks(executor, check_articles, missing, finder)
    if known and names_digest != cache.names:  # the same quotes, other names: mentions only
        stale = [(job, known[key]) for job, key in zip(jobs, keys, strict=True) if key in known]
        known = dict(zip([k for k in keys if k in known], submit_chunks(executor, find_mentions, stale, finder)(), strict=True))

    def finish(problems: ProblemList) -> ArticleResults:
        computed = iter(computing())
        outcomes = [known[key] if key in known else next(computed) for key in keys]
        cache.keep_only(dict(zip(keys, outcomes, strict=True)), names_digest)
        return merge(dossier, outcomes, cited, problems)

    return finish


def merge(dossier: Dossier, outcomes: Sequence[ArticleOutcome], cited: Sequence[QuoteKey], problems: ProblemList) -> ArticleResults:
    by_article = {outcome.article: outcome for outcome in outcomes}
    found: dict[QuoteKey, Passage] = {}
    for outcome in outcomes:
        problems.add_all(outcome.quote_problems)
        found.update(outcome.found)
    for article_id in dossier.articles:
        problems.add_all(by_article[article_id].bidi_problems)
    return ArticleResults(
        passages={key: found[key].spans for key in cited if key in found},
        mentions={article_id: by_article[article_id].mentions for article_id in dossier.articles},
        excerpts={key: found[key].excerpt for key in cited if key in found},
        fingerprints={article_id: by_article[article_id].fingerprints for article_id in dossier.articles},
    )
