"""Which data each generated page was rendered from: what the preview uses to re-render, after
an edit, only the pages the edit affects.

Why it is sound. A page's HTML is computed by its render function from two things only:
- the values its render function captured when the site was planned (the claim, entity or
  article it is about, a page number; `PlannedPage` for its title), fingerprinted as the
  page's *base*;
- the site's data (`SiteData`: the checked dossier, its analysis and the indexes built from
  them), which the tracker wraps (recording.py) so that each lookup is recorded.
Each recorded dependency keeps a fingerprint of its value (a hash of its pickle, which holds
every field of every object with its type; the one exception, `Location`, is explained at
`_Pickler`). After an edit
the new site is planned and every page's base and dependencies are fingerprinted in the new
data. If all are equal, the page's render function would start from the same values, take the
same branches, look up the same keys, get the same values again at each step, and so return
the same HTML: the page is *unaffected*. A page that would read something it did not read
before can only do so after reading something that changed, which makes it affected. A value
that cannot be pickled never compares equal, so a page that reads one is always re-rendered.

What is outside the data and the captured values must be in the `context` fingerprint given
to `plan` (custom templates, link style, the claims' git history): when it changes, every page
is affected. Caches shared between pages would hide reads from the second page on: `SiteData`'s
orders are the one such cache. An order of one entry's items (its key is an id) has its own
reads added to every page that uses it. An order of the whole dossier is given to pages as a
`RecordingOrder` (recording.py), which records what the page reads of it (its length, a
slice, an item, or else the whole), and such a read is fingerprinted by computing the order
again in the new build's data and reading the same of it (`_order_read`): the page would get
exactly those values again, so the argument above holds with the order's reads among the
page's lookups. What the order was computed from is not the page's dependency (a claims
index page lists 200 of 3,000 claims: an edit of another claim leaves it as it was). The
other caches of the renderer are keyed by the value they compute from.
"""

from __future__ import annotations

import copyreg
import dataclasses
import hashlib
import io
import itertools
import pickle
import types
from collections import defaultdict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from ...problems import Location
from ..page import RenderedPage
from ..rendering.article_body import ArticleBody
from ..rendering.links import Linker
from ..rendering.templating import Templates
from ..site import Site
from .recording import ALL, LENGTH, ORDER, RECORDERS, Dependency, RecordingDict, RecordingOrder, RecordingTuple, order_read

# Parts of the renderer whose state is fixed for a whole preview session but the custom
# templates and the link style, which the context fingerprint covers.
_SERVICES = (ArticleBody, Linker, Templates)
_SCALARS = (str, int, float, bool, type(None))
_unique = itertools.count()
_RENDERER = __name__.rsplit(".", 2)[0] + "."  # dossier.site. (this module is in dossier.site.preview)


class UntrackableSite(Exception):
    """The site's data holds a structure the tracker cannot watch: every page is rendered."""


def _somewhere() -> None:
    """What every `Location` pickles as in a fingerprint."""


# Where an entry is written in the content (its `Location`: file, line, column) is left out of
# fingerprints: no page shows it (tests/test_dependencies.py checks that the renderer never reads
# one), and one line added to claims.yaml moves the location of every entry below it. (A
# dispatch table rather than `reducer_override`, which would call Python for every object.)
_PICKLING = {**copyreg.dispatch_table, Location: lambda location: (_somewhere, ())}


def fingerprint(value: object) -> bytes:
    """A hash of the value's pickle: every field of every object, with its type (1 and 1.0 differ)."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _PICKLING
    # Without the pickle's memo: an object met twice is written twice, never as a reference to
    # the first, so that the fingerprint is of the value alone, not of which parts of it happen
    # to be one object (an article's id as a key and in its mentions is one string after one
    # check and two equal ones after another). The data has no cycles (a cycle raises: below).
    pickler.fast = True
    try:
        pickler.dump(value)
    except (pickle.PicklingError, TypeError, AttributeError, ValueError):  # a function, a lock, a cycle: never equal to another build's
        return b"!" + str(next(_unique)).encode()
    return hashlib.blake2b(buffer.getvalue(), digest_size=16).digest()


class _Digests:
    """The fingerprints of one build's values, each object's computed once.

    Many dependencies hold the same object (the outlet of a thousand articles is one `Source`;
    a claim is in `dossier.claims` and captured by its page's render function), and a
    structure's whole is made of the objects its keys hold. Keyed by the object's identity,
    which is sound because the memo lives for one build, during which the site's data is not
    changed (it is built before the pages are planned and only read by them), and holds each
    object, so that no other object can take its identity while it lives.
    """

    def __init__(self) -> None:
        self._seen: dict[int, tuple[object, bytes]] = {}
        self._records: dict[int, tuple[object, bytes]] = {}  # by of_item, a fingerprint of another form

    def of(self, value: object) -> bytes:
        seen = self._seen.get(id(value))
        if seen is None:
            seen = self._seen[id(value)] = (value, fingerprint(value))
        return seen[1]

    def of_item(self, value: object) -> bytes:
        """An item of an order. A record the renderer makes (a timeline item, new each build:
        its class is one of dossier.site's) by its type and its fields' fingerprints (the
        dossier's entries, each fingerprinted once); anything else as `of` does. Decided by the
        item's class alone, so that the same value has the same fingerprint in every build."""
        if not (dataclasses.is_dataclass(value) and type(value).__module__.startswith(_RENDERER)):
            return self.of(value)
        seen = self._records.get(id(value))
        if seen is None:
            fields = [self.of(getattr(value, f.name)) for f in dataclasses.fields(value)]
            digest = fingerprint((type(value).__module__, type(value).__qualname__, fields))
            seen = self._records[id(value)] = (value, digest)
        return seen[1]

    def of_whole(self, structure: RecordingDict | RecordingTuple) -> bytes:
        """A structure's whole: its keys in order with their values' fingerprints (equal only if
        every key and value is, as the pickle of the whole would be)."""
        if isinstance(structure, RecordingDict):
            return fingerprint([(key, self.of(value)) for key, value in structure.whole()])
        return fingerprint([self.of(value) for value in structure.whole()])

    def of_captured(self, value: object) -> object:
        """What a render function captured, with functions and the renderer's services made comparable."""
        if isinstance(value, _SERVICES):
            return type(value).__name__
        if isinstance(value, Site):  # the whole site (for "What's new"): never the same as another build's
            return f"site {next(_unique)}"
        if isinstance(value, types.FunctionType):
            cells = [cell.cell_contents for cell in value.__closure__ or ()]
            defaults = list(value.__defaults__ or ())
            return (value.__module__, value.__qualname__, [self.of_captured(v) for v in defaults], [self.of_captured(v) for v in cells])
        if isinstance(value, _SCALARS):
            return value
        return self.of(value)  # a claim, an entity, an article: fingerprinted once, here or as a dependency


@dataclass(frozen=True)
class _PageRecord:
    base: bytes
    dependencies: frozenset[Dependency]


class DependencyTracker:
    """Remembers, across the builds of one preview session, what every generated page read."""

    def __init__(self) -> None:
        self._pages: dict[str, _PageRecord] = {}
        self._fingerprints: dict[Dependency, bytes] = {}
        self._context: bytes | None = None
        self._site: Site | None = None
        self._structures: dict[str, RecordingDict | RecordingTuple] = {}
        self._orders: dict[tuple[str, Hashable], tuple[Any, frozenset[Dependency] | None]] = {}
        self._new: dict[Dependency, bytes] = {}
        self._digests = _Digests()

    def forget(self) -> None:
        """After a build that did not finish, or one that showed problems: the next one renders everything."""
        self._pages.clear()
        self._fingerprints.clear()
        self._context = None

    def plan(self, site: Site, context: bytes) -> set[str]:
        """Watch `site`'s data; the pages whose previous output is still right (unaffected)."""
        self._site, self._orders, self._new, self._digests = site, {}, {}, _Digests()
        try:
            self._site, self._structures = _instrument(site, self._tracked_order)
        except UntrackableSite:
            self._site = None
            self.forget()
            raise
        previous, self._pages = self._pages, {}
        if context != self._context:
            self._context, self._fingerprints = context, {}
            return set()
        # Each dependency is fingerprinted once in the new data, however many pages read it.
        changed = {dependency for dependency, value in self._fingerprints.items() if self._now(dependency) != value}
        for uri in site.pages:
            record = previous.get(uri)
            if record is not None and record.dependencies.isdisjoint(changed) and record.base == self._base(uri):
                self._pages[uri] = record
        self._fingerprints = {d: self._now(d) for d in frozenset().union(*(r.dependencies for r in self._pages.values()))}
        return set(self._pages)

    def render(self, uri: str) -> RenderedPage:
        """Render a page of the planned site, recording what it reads."""
        assert self._site is not None
        RECORDERS.append(set())
        try:
            rendered = self._site.render(uri)
        finally:
            read = frozenset(RECORDERS.pop())
        for dependency in read:
            self._fingerprints[dependency] = self._now(dependency)
        self._pages[uri] = _PageRecord(self._base(uri), read)
        return rendered

    def _base(self, uri: str) -> bytes:
        assert self._site is not None
        return fingerprint((self._site.pages[uri], self._digests.of_captured(self._site.renderer_of(uri))))

    def _unchanged(self, dependency: Dependency) -> bool:
        return self._fingerprints.get(dependency) == self._now(dependency)

    def _now(self, dependency: Dependency) -> bytes:
        """The dependency's fingerprint in the data of the current build (computed once a build)."""
        value = self._new.get(dependency)
        if value is None:
            name, key = dependency
            structure = self._structures.get(name)
            if name == ORDER:
                assert isinstance(key, tuple)
                value = self._order_read(*key)
            elif structure is None:
                value = b"?"  # a structure the new data no longer has
            elif key is ALL:
                value = self._digests.of_whole(structure)
            elif key is LENGTH:
                assert isinstance(structure, RecordingDict)
                value = self._digests.of(dict.__len__(structure))
            else:
                assert isinstance(structure, RecordingDict)
                value = self._digests.of(structure.value_of(key))
            self._new[dependency] = value
        return value

    def _tracked_order(self, compute_order: Callable[[str, object, Callable[[], Any]], Any]) -> Callable[..., Any]:
        """SiteData's orders as the pages get them. An order of the whole dossier (its key is
        None, a kind or a status: the indexes, the timeline) is given as a `RecordingOrder`: a
        page depends on what it reads of it, computed again in each new build's data
        (`_order_read`), not on what the order was computed from. An order of one entity or
        article (its key is an id) is small and computed from that entry's own data: its
        reads, recorded once, are added to every page that uses it."""

        def order(name: str, key: Hashable, compute: Callable[[], Any]) -> Any:
            found = self._orders.get((name, key))
            if found is None:
                RECORDERS.append(set())
                try:
                    computed = compute_order(name, key, compute)
                finally:
                    read = frozenset(RECORDERS.pop())
                whole = not isinstance(key, str)
                found = self._orders[(name, key)] = (RecordingOrder((name, key), computed), None) if whole else (computed, read)
            value, reads = found
            if RECORDERS and reads is not None:
                RECORDERS[-1].update(reads)
            return value

        return order

    def _order_read(self, name: str, key: Hashable, read: tuple[Any, ...]) -> bytes:
        """The fingerprint of what a page read of an order, in the current build's data."""
        assert self._site is not None
        try:
            self._site.data.order(name, key)  # computed (and cached) if it was not yet
            order, _ = self._orders[(name, key)]
        except Exception:  # an order this build does not have: never equal
            return b"!" + str(next(_unique)).encode()
        value = order_read(order.whole(), read)
        if read[0] in ("slice", "all"):
            return fingerprint([self._digests.of_item(item) for item in value])
        return self._digests.of_item(value)


def _instrument(site: Site, tracked_order: Callable[[Any], Callable[..., Any]]) -> tuple[Site, dict[str, RecordingDict | RecordingTuple]]:
    """The site rendering from a twin of its data whose structures are recording copies, and
    the copies by name. The site and its data are left as they are: the renderer stays the one
    producer of a page's HTML, given other data, and the build's other readers read the data as is."""
    data = site.data.twin()
    structures: dict[str, RecordingDict | RecordingTuple] = {}
    for holder in ("dossier", "analysis"):
        model = getattr(data, holder)
        changes = {f.name: _wrapped(f"{holder}.{f.name}", getattr(model, f.name), structures) for f in dataclasses.fields(model)}
        setattr(data, holder, dataclasses.replace(model, **changes))
    for name, value in list(vars(data).items()):
        if name in ("dossier", "analysis", "_orders"):
            continue
        setattr(data, name, _wrapped(f"data.{name}", value, structures))
    # Orders computed while the site was planned were computed from the data unwrapped. An order
    # of one entry (its key is an id) is computed again on first use, so that its reads are
    # recorded. An order of the whole dossier is kept as it is: its reads are not a page's (a
    # page depends on what it reads of the order, `_order_read`), and computing it again through
    # the recording structures cost ~2 s a rebuild at 10,000 articles. Kept or computed anew, it
    # holds the same values.
    data.watch_orders(tracked_order)
    return site.with_data(data), structures


def _wrapped(name: str, value: Any, structures: dict[str, RecordingDict | RecordingTuple]) -> Any:
    if isinstance(value, _SCALARS):
        return value
    wrapped: RecordingDict | RecordingTuple
    if type(value) is dict or type(value) is defaultdict:
        wrapped = RecordingDict(name, value, value.default_factory if isinstance(value, defaultdict) else None)
    elif type(value) in (tuple, list):
        wrapped = RecordingTuple(name, value)
    else:
        raise UntrackableSite(f"{name} is a {type(value).__name__}: the preview cannot tell which pages read it")
    structures[name] = wrapped
    return wrapped


__all__ = ["ALL", "DependencyTracker", "Hashable", "UntrackableSite", "fingerprint"]
