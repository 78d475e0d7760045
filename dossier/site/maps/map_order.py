"""The order of a relationship map's nodes around its ellipse: the one with the fewest crossings.

A map's nodes sit on an ellipse (map_layout.py) and every line runs inside it, so two lines
between four distinct nodes cross exactly when their ends interleave around the ellipse, and
a line from the entity in the middle (a spoke) is crossed by a line between two others when
its node lies on the far side of that line. Crossings are therefore counted from the order
alone, in whole numbers, with no geometry.

Candidate orders: reverse Cuthill-McKee (which keeps connected nodes close), depth-first
from the strongest node, `networkx`'s Louvain communities (fixed seed) each in Cuthill-McKee
order, a nearest-neighbour tour over `networkx`'s graph distances, and the caller's own
order; each is improved by swapping neighbours while that removes crossings. networkx's
force-directed layouts (spring, Kamada-Kawai) need numpy and scipy, which the project does
not install. Every tie is broken by the nodes' ids (never by a set's order, which changes
between processes), every random choice has a fixed seed: the same dossier always gives the
same order, byte for byte.
"""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx  # type: ignore[import-untyped]  # no stubs shipped

Edge = tuple[str, str, int]  # two node ids and the connection's weight
_SEED = 0
_SWAP_PASSES = 4


def _graph(ids: Sequence[str], edges: Sequence[Edge]) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(sorted(ids))
    for a, b, weight in sorted(edges):
        graph.add_edge(a, b, weight=weight)
    return graph


def _complete(order: list[str], ids: Sequence[str]) -> list[str]:
    """`order` without repeats, then the ids it lacks, in the caller's order."""
    seen = dict.fromkeys(order)
    return [*seen, *(i for i in ids if i not in seen)]


def _cuthill_mckee(graph: nx.Graph) -> list[str]:
    """Reverse Cuthill-McKee: breadth-first from a least connected node, neighbours by degree,
    so that connected nodes sit close together. networkx's own breaks ties by the iteration
    order of a set, which changes from one Python process to the next; here, by id."""
    degree = dict(graph.degree())
    seen: set[str] = set()
    order: list[str] = []
    for start in sorted(graph, key=lambda n: (degree[n], n)):
        if start in seen:
            continue
        seen.add(start)
        queue = [start]
        while queue:
            node = queue.pop(0)
            order.append(node)
            for other in sorted((n for n in graph[node] if n not in seen), key=lambda n: (degree[n], n)):
                seen.add(other)
                queue.append(other)
    return order[::-1]


def _tour(graph: nx.Graph) -> list[str]:
    """A short walk through every connected node, always to the nearest one left (in hops,
    ties by id), from the strongest: connected nodes end up side by side."""
    nodes = sorted(n for n in graph if graph.degree(n))
    if not nodes:
        return []
    hops = dict(nx.all_pairs_shortest_path_length(graph))
    current = max(nodes, key=lambda n: (graph.degree(n, weight="weight"), n))
    tour, left = [current], set(nodes) - {current}
    while left:
        current = min(left, key=lambda n: (hops[current].get(n, len(nodes)), n))
        tour.append(current)
        left.discard(current)
    return tour


def _communities(graph: nx.Graph) -> list[str]:
    parts = nx.community.louvain_communities(graph, weight="weight", seed=_SEED)
    ordered = sorted((sorted(part) for part in parts), key=lambda part: (-len(part), part))
    result: list[str] = []
    for part in ordered:
        result.extend(_cuthill_mckee(graph.subgraph(part)))
    return result


def candidates(ids: Sequence[str], edges: Sequence[Edge]) -> list[list[str]]:
    """Orders of the nodes to try, the caller's first."""
    graph = _graph(ids, edges)
    found = [list(ids)]
    if graph.number_of_edges():
        strongest = max(graph, key=lambda n: (graph.degree(n, weight="weight"), n))
        found.append(_cuthill_mckee(graph))
        found.append(list(nx.dfs_preorder_nodes(graph, strongest, sort_neighbors=sorted)))
        found.append(_communities(graph))
        found.append(_tour(graph))
    return [_complete(order, ids) for order in found]


def _interleave(p: int, q: int, r: int, s: int) -> bool:
    """Whether the chords p-q and r-s (positions, p < q, r < s, all distinct) cross."""
    return (p < r < q) != (p < s < q)


def crossings(order: Sequence[str], edges: Sequence[Edge], centred: bool) -> int:
    """Crossings of lines between nodes in this order, and with the spokes when `centred`."""
    position = {node: n for n, node in enumerate(order)}
    chords = sorted((min(position[a], position[b]), max(position[a], position[b])) for a, b, _ in edges)
    total = 0
    for index, (p, q) in enumerate(chords):
        for r, s in chords[index + 1 :]:
            if len({p, q, r, s}) == 4 and _interleave(p, q, r, s):
                total += 1
        if centred:  # the spokes of the nodes on the far side of the chord, the smaller side
            total += min(q - p - 1, len(order) - (q - p + 1))
    return total


def _swap_change(position: dict[str, int], u: str, v: str, incident: dict[str, list[str]], size: int, centred: bool) -> int:
    """How many crossings swapping the neighbours `u` and `v` (u just before v) adds (negative:
    removes). Only a line of u against a line of v, between four distinct nodes, and the spokes
    of their lines change. Two such lines cross after the swap exactly when they did not before
    (u and v are next to each other around the ellipse, nothing between them), so counting the
    crossings before is enough."""
    pu, pv = position[u], position[v]
    # Positions stand for nodes: distinct nodes, distinct positions (this runs for every swap
    # the order tries: ~240 times a map).
    xs = [position[x] for x in incident[u] if x != u and x != v]
    ys = [position[y] for y in incident[v] if y != u and y != v]
    crossing, pairs = 0, 0
    for px in xs:
        p, q = (pu, px) if pu < px else (px, pu)
        for py in ys:
            if py != px:
                pairs += 1
                r, s = (pv, py) if pv < py else (py, pv)
                crossing += (p < r < q) != (p < s < q)
    change = pairs - 2 * crossing
    if centred:  # the spokes a line of u or v passes (on its smaller side), after and before
        for node, here, there in ((u, pu, pv), (v, pv, pu)):
            for other in incident[node]:
                if other != u and other != v:
                    after, before = abs(position[other] - there), abs(position[other] - here)
                    change += min(after - 1, size - after - 1) - min(before - 1, size - before - 1)
    return change


def improved(order: list[str], edges: Sequence[Edge], centred: bool) -> tuple[int, list[str]]:
    """The order after swapping neighbours while a swap removes crossings, and its crossings."""
    best, current = crossings(order, edges, centred), list(order)
    incident: dict[str, list[str]] = {node: [] for node in order}
    for a, b, _ in edges:
        incident[a].append(b)
        incident[b].append(a)
    position = {node: n for n, node in enumerate(current)}
    for _ in range(_SWAP_PASSES):
        changed = False
        for index in range(len(current) - 1):
            u, v = current[index], current[index + 1]
            change = _swap_change(position, u, v, incident, len(current), centred)
            if change < 0:
                current[index], current[index + 1] = v, u
                position[u], position[v] = index + 1, index
                best, changed = best + change, True
        if not changed or best == 0:
            break
    return best, current


def ranked_orders(ids: Sequence[str], edges: Sequence[Edge], centred: bool) -> list[tuple[int, list[str]]]:
    """The candidate orders, improved, fewest crossings first (then the earlier candidate)."""
    between = [(a, b, w) for a, b, w in edges if a in ids and b in ids]
    tried: set[tuple[str, ...]] = set()  # candidate orders, as they come
    seen: set[tuple[str, ...]] = set()  # orders after improving
    ranked = []
    for rank, order in enumerate(candidates(ids, between)):
        if tuple(order) in tried:  # the same order improves the same way: it would be left out below
            continue
        tried.add(tuple(order))
        count, better = improved(order, between, centred)
        if tuple(better) not in seen:
            seen.add(tuple(better))
            ranked.append((count, rank, better))
    ranked.sort(key=lambda item: (item[0], item[1]))
    return [(count, order) for count, _, order in ranked]
