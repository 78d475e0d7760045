"""Cutting a claims file into claim blocks, version after version, re-reading only what changed.

A claim block is an item of the top-level `claims:` list: the `- id: X` line and the lines
under it. The history (dossier/history.py) reads every version of the claims files; a
2 MB file cut whole takes tens of milliseconds, so each new version is compared with the
previous one byte for byte (a common prefix and suffix, at memory speed) and only the items
between them are cut again. Anything unusual (the change reaches the `claims:` line or
another top-level key, an id defined twice) falls back to cutting the whole file.
"""

from __future__ import annotations

import bisect
import functools
import re

_CLAIMS_KEY = re.compile(rb"^claims:[ \t]*(?:#.*)?$", re.M)
_TOP_LEVEL = re.compile(rb"\n(?=[^\s#-])")  # the next top-level key ends the claims section
_FIRST_ITEM = re.compile(rb"^( *)- ", re.M)
_CHUNK = 1 << 16

Blocks = dict[str, bytes]


@functools.lru_cache(maxsize=8)
def _item_start(indent: bytes) -> re.Pattern[bytes]:
    """An item of the list at `indent`, with its id when `id:` is its first key (the usual layout)."""
    return re.compile(rb"\n" + re.escape(indent) + rb"- (?:id:[ \t]*[\"']?([^\s\"'#]+))?")


@functools.lru_cache(maxsize=8)
def _id_under(indent: bytes) -> re.Pattern[bytes]:
    """The `id:` key of an item whose first key is another one."""
    return re.compile(rb"^" + re.escape(indent) + rb"  id:[ \t]*[\"']?([^\s\"'#]+)", re.M)


def _common_prefix(a: bytes, b: bytes) -> int:
    limit = min(len(a), len(b))
    low = 0
    while low < limit and a[low : low + _CHUNK] == b[low : low + _CHUNK]:
        low += _CHUNK
    high = min(low + _CHUNK, limit)
    while low < high:  # the first difference is in [low, high)
        middle = (low + high) // 2
        if a[low : middle + 1] == b[low : middle + 1]:
            low = middle + 1
        else:
            high = middle
    return min(low, limit)


def _common_suffix(a: bytes, b: bytes, limit: int) -> int:
    """The length of the common end of a and b, at most `limit`."""
    low = 0
    while low < limit and a[len(a) - min(low + _CHUNK, limit) : len(a) - low] == b[len(b) - min(low + _CHUNK, limit) : len(b) - low]:
        low = min(low + _CHUNK, limit)
    high = min(low + _CHUNK, limit)
    while low < high:
        middle = (low + high + 1) // 2
        if a[len(a) - middle : len(a) - low] == b[len(b) - middle : len(b) - low]:
            low = middle
        else:
            high = middle - 1
    return low


class ClaimsFile:
    """The claim blocks of one claims file, as of the last version given to `update`."""

    def __init__(self) -> None:
        self.data = b""
        self.indent = b""
        self.key_start = 0  # where the `claims:` line starts
        self.section_end = 0  # where the claims section ends (a top-level key, or the end)
        self.starts: list[int] = []  # where each item starts (its `-` line)
        self.ids: list[str | None] = []
        self.duplicates = False  # an id is defined twice: the first definition counts
        self.blocks: Blocks = {}

    def update(self, data: bytes) -> tuple[Blocks, Blocks]:
        """Take the next version; returns (blocks that may be new or changed, blocks removed)."""
        if data == self.data:
            return {}, {}
        delta = self._update_between(data)
        if delta is not None:
            return delta
        old_blocks = self.blocks
        self._cut_whole(data)
        candidates = {claim: block for claim, block in self.blocks.items() if old_blocks.get(claim) != block}
        return candidates, {claim: block for claim, block in old_blocks.items() if claim not in self.blocks}

    def _items(self, data: bytes, begin: int, end: int) -> tuple[list[int], list[str | None], Blocks]:
        """The items starting in data[begin:end] (`begin` at the newline before the first)."""
        matches = list(_item_start(self.indent).finditer(data, begin, end))
        starts = [m.start() + 1 for m in matches]
        ids: list[str | None] = []
        blocks: Blocks = {}
        for index, match in enumerate(matches):
            stop = matches[index + 1].start() if index + 1 < len(matches) else end
            # Trailing blank lines do not count: they depend on what follows the item.
            block = data[match.start() + 1 : stop].rstrip()
            found = match.group(1) or (m.group(1) if (m := _id_under(self.indent).search(block)) else None)
            claim = found.decode("utf-8", "replace") if found else None
            ids.append(claim)
            if claim is not None:
                blocks.setdefault(claim, block)
        return starts, ids, blocks

    def _cut_whole(self, data: bytes) -> None:
        self.data, self.starts, self.ids, self.blocks, self.section_end, self.duplicates = data, [], [], {}, 0, False
        key = _CLAIMS_KEY.search(data)
        if key is None:
            return
        self.key_start = key.start()
        end = _TOP_LEVEL.search(data, key.end())
        self.section_end = end.start() if end else len(data)
        first = _FIRST_ITEM.search(data, key.end(), self.section_end)
        if first is None:
            return
        self.indent = first.group(1)
        self.starts, self.ids, self.blocks = self._items(data, first.start() - 1, self.section_end)
        self.duplicates = len(self.blocks) != sum(claim is not None for claim in self.ids)

    def _update_between(self, data: bytes) -> tuple[Blocks, Blocks] | None:
        """Cut again only the items around the bytes that changed; None when that is not safe."""
        old = self.data
        if not self.starts or self.duplicates:
            return None  # nothing to go on, or an id defined twice: cut the file whole
        prefix = _common_prefix(old, data)
        suffix = _common_suffix(old, data, min(len(old), len(data)) - prefix)
        old_end, delta = len(old) - suffix, len(data) - len(old)
        if self._outside_the_claims(data, prefix, old_end, delta):
            return {}, {}
        # The change must lie within the items, and must not bring a new top-level key.
        if prefix <= self.starts[0] + len(self.indent) + 1 or old_end >= self.section_end - 1:
            return None
        if _TOP_LEVEL.search(data, max(prefix - 1, 0), old_end + delta + 1):
            return None
        # One item of margin on each side: an item's boundary is a line, the change may touch it.
        first = max(bisect.bisect_right(self.starts, prefix) - 2, 0)
        last = min(bisect.bisect_left(self.starts, old_end + len(self.indent) + 3) + 1, len(self.starts))
        region_end = self.starts[last] - 1 if last < len(self.starts) else self.section_end
        starts, ids, blocks = self._items(data, self.starts[first] - 1, region_end + delta)
        all_ids = self.ids[:first] + ids + self.ids[last:]
        named = [claim for claim in all_ids if claim is not None]
        if not starts or starts[0] != self.starts[first] or len(set(named)) != len(named):
            return None  # an id twice in the file: cut it whole, where the first one counts
        removed = {c: self.blocks[c] for c in self.ids[first:last] if c is not None and c not in blocks}
        candidates = {c: b for c, b in blocks.items() if self.blocks.get(c) != b}
        for claim in removed:
            del self.blocks[claim]
        self.blocks.update(blocks)
        self.starts = self.starts[:first] + starts + [s + delta for s in self.starts[last:]]
        self.ids, self.data, self.section_end = all_ids, data, self.section_end + delta
        return candidates, removed

    def _outside_the_claims(self, data: bytes, prefix: int, old_end: int, delta: int) -> bool:
        """True (and the positions updated) when the change is before the claims key or after the section."""
        if prefix > self.section_end + 1 and self.section_end < len(self.data):
            self.data = data  # a change in a later top-level section (its first line kept)
            return True
        if old_end < self.key_start and b"claims:" not in data[max(prefix - 1, 0) : old_end + delta + 1]:
            self.data, self.key_start, self.section_end = data, self.key_start + delta, self.section_end + delta
            self.starts = [start + delta for start in self.starts]
            return True
        return False


def claim_blocks(text: str) -> dict[str, str]:
    """Claim id -> the text of its item in the `claims:` list of one YAML file."""
    claims_file = ClaimsFile()
    claims_file.update(text.encode("utf-8"))
    return {claim: block.decode("utf-8") for claim, block in claims_file.blocks.items()}
