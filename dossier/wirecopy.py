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
are computed where the check reads the articles (article_checks.py, in the pool's workers
on large dossiers), many articles at a time in NumPy: one pass over their bytes finds the words,
one running sum gives every shingle's hash as a difference of two sums, and the windows' minima
are four element-wise minimums. Here all articles' hashes are sorted together, which pairs each
article with the first article that kept one of its hashes (the candidates), and each candidate pair is verified by comparing the words themselves.
Hashes must agree across processes: each byte's code comes from a fixed function (SplitMix64),
never from Python's salted `hash`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from .arrays import np, npt
from .model import Article, Dossier
from .origins import OriginResolver, origin_text
from .problems import Location, ProblemList
from .text import MappedText, fold_mapped
from .visible import paragraph_spans, visible_text

PASSAGE_WORDS = 40  # the contract's "40 or more consecutive words"
SHINGLE_WORDS = 30  # shorter shared runs (a stock sentence, a name with its title) make no candidates
WINDOW = PASSAGE_WORDS - SHINGLE_WORDS + 1  # shingles in a passage of PASSAGE_WORDS words
SHOWN_WORDS = 8  # of the passage, in the message
BATCH_ARTICLES = 64  # articles hashed in one NumPy pass: few calls per article, arrays of ~2 MB (larger ones cost page faults)
_MASK64 = (1 << 64) - 1
# Words are cut from the UTF-8 bytes of the case-folded text: runs of bytes that are not ASCII
# spaces or punctuation (so a letter of any alphabet is part of a word). `_WORD` and
# `_WORD_BYTE` say the same thing, for the verification and for the hashing.
_WORD = re.compile(rb"[^\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]+")
_WORD_BYTE = np.array([_WORD.fullmatch(bytes([byte])) is not None for byte in range(256)], dtype=bool)


def _splitmix64(value: int) -> int:
    value = (value + 0x9E3779B97F4A7C15) & _MASK64
    value = ((value ^ (value >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
    value = ((value ^ (value >> 27)) * 0x94D049BB133111EB) & _MASK64
    return value ^ (value >> 31)


# A shingle's hash is the sum (modulo 2**64) of its words' bytes' codes: a bag of bytes, which
# does not see their order; a false candidate costs only its verification, which compares the
# words themselves. Bytes outside words count 0 (and only they: that is how words are found),
# so spacing and punctuation change nothing.
_BYTE_CODE = np.array([(_splitmix64(byte) or 1) if _WORD_BYTE[byte] else 0 for byte in range(256)], dtype=np.uint64)

Hashes = npt.NDArray[np.uint64]


def words(folded: str) -> list[bytes]:
    """The words of a case-folded text, as the verification compares them."""
    return _WORD.findall(folded.encode("utf-8", "surrogatepass"))


def _shingles(encoded: bytes) -> tuple[Hashes, npt.NDArray[np.intp]]:
    """Every shingle's hash (shingle k: words k to k + 29) and where each word starts (bytes)."""
    codes = _BYTE_CODE[np.frombuffer(encoded, dtype=np.uint8)]
    inside = np.zeros(codes.size + 2, dtype=bool)  # a byte outside words at either end
    np.not_equal(codes, 0, out=inside[1:-1])  # only bytes of words have a code
    flips = np.flatnonzero(inside[1:] != inside[:-1])  # where words start and end, in turn
    starts, ends = flips[0::2], flips[1::2]
    sums = np.zeros(codes.size + 1, dtype=np.uint64)
    np.cumsum(codes, out=sums[1:])
    count = max(0, starts.size - SHINGLE_WORDS + 1)
    return sums[ends[SHINGLE_WORDS - 1 :]] - sums[starts[:count]], starts


def _window_minima(shingles: Hashes) -> Hashes:
    """The smallest of every WINDOW consecutive hashes: minima over 2, 4, 8... then two overlapping."""
    count = shingles.size - WINDOW + 1
    span, level = 1, shingles
    while span * 2 <= WINDOW:
        level = np.minimum(level[:-span], level[span:])
        span *= 2
    return np.minimum(level[:count], level[WINDOW - span : WINDOW - span + count])


def fingerprints(folded_texts: Sequence[str]) -> list[bytes]:
    """Each case-folded text's winnowed shingle hashes (module docstring), ~1 in 6 of its
    shingles, as the bytes of 64-bit integers (compact to send between processes, and read
    back as an array)."""
    found: list[bytes] = []
    for first in range(0, len(folded_texts), BATCH_ARTICLES):
        found += _batch_fingerprints(folded_texts[first : first + BATCH_ARTICLES])
    return found


def _batch_fingerprints(folded_texts: Sequence[str]) -> list[bytes]:
    # The texts joined by a byte outside words: one pass for all, then windows that cross from
    # one text into the next are dropped (their first and last words belong to different texts).
    encoded = [text.encode("utf-8", "surrogatepass") for text in folded_texts]
    shingles, starts = _shingles(b"\0".join(encoded))
    if shingles.size < WINDOW:
        return [b"" for _ in encoded]
    begins = np.cumsum([0] + [len(text) + 1 for text in encoded[:-1]])
    owner = np.searchsorted(begins, starts, side="right") - 1  # the text each word belongs to
    minima = _window_minima(shingles)
    whole = owner[: minima.size] == owner[PASSAGE_WORDS - 1 :]
    kept, kept_owner = _without_repeats(minima[whole], owner[: minima.size][whole])
    cuts = np.searchsorted(kept_owner, np.arange(len(encoded) + 1)).tolist()
    return [kept[begin:end].tobytes() for begin, end in pairwise(cuts)]


def _without_repeats(hashes: Hashes, owners: npt.NDArray[np.intp]) -> tuple[Hashes, npt.NDArray[np.intp]]:
    """The (hash, owner) pairs without consecutive repeats: a window's minimum is usually the
    next windows' too, so this drops most repeats; the few left change no candidate."""
    new = np.ones(hashes.size, dtype=bool)
    new[1:] = (hashes[1:] != hashes[:-1]) | (owners[1:] != owners[:-1])
    return hashes[new], owners[new]


@dataclass(frozen=True)
class SharedCopy:
    first: str  # the article that came first in the dossier's order
    second: str  # the one where the warning is shown
    words: int  # length of the longest shared passage
    start: int  # where it starts in the second article's body
    shown: str  # its first words, as the second article writes them


def _origins(dossier: Dossier, resolver: OriginResolver, articles: set[str]) -> dict[str, frozenset[str]]:
    """Each of these articles' origins as its evidence counts them (a `via`, else the outlet);
    an article no evidence cites counts as its outlet."""
    found: dict[str, set[str]] = {article_id: set() for article_id in articles}
    for claim in dossier.claims.values():
        for item in claim.evidence:
            if item.article in found:
                article = dossier.articles[item.article]
                found[article.id].add(resolver.resolve(origin_text(item.via, article.outlet)).key)
    return {
        article_id: frozenset(keys or {resolver.resolve(dossier.articles[article_id].outlet).key}) for article_id, keys in found.items()
    }


def sharing_pairs(dossier: Dossier, prints: Mapping[str, bytes]) -> list[tuple[str, str]]:
    """Pairs of articles that keep a hash in common, each later article with the first article
    (in the dossier's order) that kept it: all hashes sorted at once, no pairwise work."""
    ids = list(dossier.articles)
    kept = [np.frombuffer(prints.get(article_id, b""), dtype=np.uint64) for article_id in ids]
    if not kept:
        return []
    hashes, owners = np.concatenate(kept), np.repeat(np.arange(len(ids)), [k.size for k in kept])
    order = np.argsort(hashes)
    hashes, owners = hashes[order], owners[order]
    group_starts = np.flatnonzero(np.diff(hashes, prepend=hashes[:1] + np.uint64(1)))
    # The first article (in the dossier's order) that kept each hash: its group's smallest index.
    first_owner = np.repeat(np.minimum.reduceat(owners, group_starts), np.diff(group_starts, append=hashes.size))
    later = first_owner != owners  # an article keeping a hash an earlier one kept
    pairs = np.sort(first_owner[later] * len(ids) + owners[later])
    pairs = pairs[np.flatnonzero(np.diff(pairs, prepend=-1))]  # each pair once
    return [(ids[pair // len(ids)], ids[pair % len(ids)]) for pair in pairs.tolist()]


def candidates(dossier: Dossier, prints: Mapping[str, bytes], resolver: OriginResolver) -> list[tuple[str, str]]:
    """The sharing pairs whose articles count as different origins (resolved for them alone)."""
    pairs = sharing_pairs(dossier, prints)
    origins = _origins(dossier, resolver, {article for pair in pairs for article in pair})
    return [(first, second) for first, second in pairs if not origins[first] & origins[second]]


class _Text:
    """An article's folded words, with where each is in its visible text (for the message)."""

    def __init__(self, article: Article) -> None:
        self.visible = visible_text(article.body, paragraph_spans(article.body))
        self.kept = fold_mapped(MappedText.of(self.visible.mapped.text), keep_case=True)
        folded = self.kept.text.casefold()
        self.encoded = folded.encode("utf-8", "surrogatepass")
        self.words = _WORD.findall(self.encoded)
        self.shingles = _shingles(self.encoded)[0].tolist()
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


def find_shared_copy(dossier: Dossier, prints: Mapping[str, bytes], resolver: OriginResolver) -> list[SharedCopy]:
    """Every article sharing a passage of PASSAGE_WORDS words or more with an earlier article of
    another origin; a passage shared with several earlier articles is reported once, against
    the first of them."""
    order = {article_id: index for index, article_id in enumerate(dossier.articles)}
    pairs = sorted(candidates(dossier, prints, resolver), key=lambda pair: (order[pair[1]], order[pair[0]]))
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


def check_shared_copy(dossier: Dossier, prints: Mapping[str, bytes], resolver: OriginResolver, problems: ProblemList) -> None:
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
