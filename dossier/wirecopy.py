"""(v3) Shared wire copy: two articles of different origins printing one long passage.

Two articles that share 40 or more consecutive words (compared as quotes are: the folded
visible text, text.py) most likely print one report, one reprinting the other or both a wire
story. When they count as different origins, a claim citing both counts one report twice:
a warning, `shared-wire-copy`, naming both articles and the passage's first words.

It stays linear in the articles, never comparing them pairwise. Each article's words are
hashed in runs of 30 (shingles), and of every 11 consecutive shingles the smallest hash is
kept (winnowing): a passage of 40 words holds 11 consecutive shingles, so two articles that
share one keep at least one hash in common, while each keeps only ~1 hash in 6. Runs of 30
words (not 20) keep the stock phrases articles share (a person's title, a standard sentence)
from making candidates to verify: at 3,000 generated articles, 1 candidate pair instead of 76. The hashes
are computed per article where the check reads it (article_checks.py, in the pool's workers
on large dossiers); here one dictionary from hash to the first article that kept it finds
the candidates, and each candidate pair is verified by comparing the words themselves.
Hashes must agree across processes: words are hashed with CRC-32 (str hashes are salted per
process), and a shingle's hash is the sum of its words' codes.
"""

from __future__ import annotations

import operator
import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import accumulate

from .model import Article, Dossier
from .origins import OriginResolver, origin_text
from .problems import Location, ProblemList
from .text import MappedText, fold_mapped
from .visible import paragraph_spans, visible_text

PASSAGE_WORDS = 40  # the contract's "40 or more consecutive words"
SHINGLE_WORDS = 30  # shorter shared runs (a stock sentence, a name with its title) make no candidates
WINDOW = PASSAGE_WORDS - SHINGLE_WORDS + 1  # shingles in a passage of PASSAGE_WORDS words
SHOWN_WORDS = 8  # of the passage, in the message
_SPREAD = 0x9E3779B97F4A7C15  # odd: spreads a 32-bit code over 64 bits and more
# Words are cut from the UTF-8 bytes of the case-folded text: runs of bytes that are not ASCII
# spaces or punctuation (so a letter of any alphabet is part of a word). Bytes are hashed by
# CRC-32 without a conversion per word, and the same in every process.
_WORD = re.compile(rb"[^\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]+")


def words(kept_case: str) -> list[bytes]:
    """The words of an article's visible text folded keeping case (article_checks), case folded."""
    return _WORD.findall(kept_case.casefold().encode("utf-8", "surrogatepass"))


def _shingles(folded_words: list[bytes]) -> list[int]:
    # A shingle's hash is the sum of its words' codes (each CRC-32 spread over 64 bits by an odd
    # multiplier): a difference of two running sums, so every shingle costs two operations in C
    # whatever its length. A sum does not see the words' order; a false candidate costs only
    # its verification, which compares the words themselves.
    sums = list(accumulate(map(_SPREAD.__mul__, map(zlib.crc32, folded_words)), initial=0))
    return list(map(operator.sub, sums[SHINGLE_WORDS:], sums))


def fingerprints(kept_case: str) -> frozenset[int]:
    """The article's winnowed shingle hashes (module docstring): ~1 in 6 of its shingles."""
    shingles = _shingles(words(kept_case))
    if len(shingles) < WINDOW:
        return frozenset()
    return frozenset(map(min, zip(*[shingles[shift:] for shift in range(WINDOW)], strict=False)))


@dataclass(frozen=True)
class SharedCopy:
    first: str  # the article that came first in the dossier's order
    second: str  # the one where the warning is shown
    words: int  # length of the longest shared passage
    start: int  # where it starts in the second article's body
    shown: str  # its first words, as the second article writes them


def _origins(dossier: Dossier, resolver: OriginResolver) -> dict[str, frozenset[str]]:
    """Each article's origins as its evidence counts them (a `via`, else the outlet); an article
    no evidence cites counts as its outlet."""
    found: dict[str, set[str]] = {article_id: set() for article_id in dossier.articles}
    for claim in dossier.claims.values():
        for item in claim.evidence:
            article = dossier.articles.get(item.article)
            if article is not None:
                found[article.id].add(resolver.resolve(origin_text(item.via, article.outlet)).key)
    return {
        article_id: frozenset(keys or {resolver.resolve(dossier.articles[article_id].outlet).key}) for article_id, keys in found.items()
    }


def candidates(dossier: Dossier, prints: Mapping[str, frozenset[int]], origins: Mapping[str, frozenset[str]]) -> list[tuple[str, str]]:
    """Pairs of articles of different origins that keep a hash in common: one pass, one dictionary.

    `seen` mirrors the dictionary's keys as a set, so that what an article shares with the
    articles before it is one set intersection the size of the article (a dict's keys view
    would be copied whole each time)."""
    owner: dict[int, str] = {}
    seen: set[int] = set()
    pairs: dict[tuple[str, str], None] = {}
    for article_id in dossier.articles:
        kept = prints.get(article_id, frozenset())
        shared = kept & seen
        for common in shared:
            first = owner[common]
            if not origins[first] & origins[article_id]:
                pairs[(first, article_id)] = None
        fresh = kept - shared
        seen |= fresh
        owner.update(dict.fromkeys(fresh, article_id))
    return list(pairs)


class _Text:
    """An article's folded words, with where each is in its visible text (for the message)."""

    def __init__(self, article: Article) -> None:
        self.visible = visible_text(article.body, paragraph_spans(article.body))
        self.kept = fold_mapped(MappedText.of(self.visible.mapped.text), keep_case=True)
        folded = self.kept.text.casefold()
        self.encoded = folded.encode("utf-8", "surrogatepass")
        self.words = _WORD.findall(self.encoded)
        self.shingles = _shingles(self.words)
        # Where the words are (bytes), when case folding kept the text's length (nearly always).
        self.spans = [match.span() for match in _WORD.finditer(self.encoded)] if len(folded) == len(self.kept.text) else None

    def _position(self, byte: int) -> int:
        """The character of the folded text (and of the kept-case one) at a byte offset."""
        return len(self.encoded[:byte].decode("utf-8", "surrogatepass"))

    def shown(self, start: int, count: int) -> str:
        if self.spans is None:
            return b" ".join(self.words[start : start + count]).decode("utf-8", "replace")
        first = self._position(self.spans[start][0])
        last = self._position(self.spans[start + count - 1][1])
        begin, end = self.kept.source_span(first, last)
        return " ".join(self.visible.mapped.text[begin:end].split())

    def body_offset(self, start: int) -> int:
        if self.spans is None:
            return 0
        return self.visible.mapped.starts[self.kept.starts[self._position(self.spans[start][0])]]


def _longest(first: _Text, second: _Text) -> tuple[int, int]:
    """(length, start in `second`) of the longest run of words both share, from their common shingles."""
    at: dict[int, list[int]] = {}
    for index, shingle in enumerate(first.shingles):
        at.setdefault(shingle, []).append(index)
    best = (0, 0)
    covered = -1  # a shingle inside a run already measured starts no new one
    for j, shingle in enumerate(second.shingles):
        if j <= covered or shingle not in at:
            continue
        for i in at[shingle]:
            start_i, start_j = i, j
            while start_i > 0 and start_j > 0 and first.words[start_i - 1] == second.words[start_j - 1]:
                start_i, start_j = start_i - 1, start_j - 1
            end_i, end_j = i, j
            while end_i < len(first.words) and end_j < len(second.words) and first.words[end_i] == second.words[end_j]:
                end_i, end_j = end_i + 1, end_j + 1
            if end_j - start_j > best[0]:
                best = (end_j - start_j, start_j)
            covered = max(covered, end_j - SHINGLE_WORDS)
    return best


def find_shared_copy(dossier: Dossier, prints: Mapping[str, frozenset[int]], resolver: OriginResolver) -> list[SharedCopy]:
    """Every article sharing a passage of PASSAGE_WORDS words or more with an earlier article of
    another origin; a passage shared with several earlier articles is reported once, against
    the first of them."""
    origins = _origins(dossier, resolver)
    order = {article_id: index for index, article_id in enumerate(dossier.articles)}
    pairs = sorted(candidates(dossier, prints, origins), key=lambda pair: (order[pair[1]], order[pair[0]]))
    texts: dict[str, _Text] = {}
    reported: dict[str, list[range]] = {}  # second article -> the word ranges already reported
    found = []
    for first, second in pairs:
        a = texts.get(first) or texts.setdefault(first, _Text(dossier.articles[first]))
        b = texts.get(second) or texts.setdefault(second, _Text(dossier.articles[second]))
        length, start = _longest(a, b)
        if length < PASSAGE_WORDS or any(start in done or start + length - 1 in done for done in reported.get(second, ())):
            continue
        reported.setdefault(second, []).append(range(start, start + length))
        found.append(SharedCopy(first, second, length, b.body_offset(start), b.shown(start, SHOWN_WORDS)))
    return found


def check_shared_copy(dossier: Dossier, prints: Mapping[str, frozenset[int]], resolver: OriginResolver, problems: ProblemList) -> None:
    """A warning at the second article of each pair (at the passage's line)."""
    for shared in find_shared_copy(dossier, prints, resolver):
        first, second = dossier.articles[shared.first], dossier.articles[shared.second]
        first_origin = resolver.resolve(first.outlet).display
        second_origin = resolver.resolve(second.outlet).display
        line = second.body_line + second.body.count("\n", 0, shared.start)
        problems.warning(
            Location(second.location.file, line, 1),
            f"this article and '{first.id}' ({first_origin}) share a passage of {shared.words} words "
            f'("{shared.shown} …"), but count as two origins ({second_origin} and {first_origin})',
            f"if one reprints the other, give the evidence citing it via: with the origin it reprints (via: {first_origin}); "
            "if both print one wire story, give both the wire as via:; if they are independent reports, "
            "accept the warning (shared-wire-copy) in this article's front matter",
            code="shared-wire-copy",
        )
