"""The relationship maps' layout: whole names, the fewest crossings the orders tried give,
names clear of each other, and the same picture for the same input, byte for byte."""

from __future__ import annotations

import random

from dossier.site.maps.map_geometry import text_width, wrap
from dossier.site.maps.map_layout import NodeInput, layout
from dossier.site.maps.map_order import crossings, ranked_orders

NAMES = [
    "Alexander Lukashenko",
    "Sviatlana Tsikhanouskaya",
    "Release of 52 prisoners from Belarus (11 September 2025)",
    "Trump–Lukashenko phone call (August 2025)",
    "U.S. Embassy to Belarus",
    "Belarus",
    "Supercalifragilisticexpialidociousorganisation",
    "Ihar Losik",
]


def graph(seed: int, count: int, edges: int) -> tuple[list[NodeInput], list[tuple[str, str, int]]]:
    chance = random.Random(seed)
    nodes = [
        NodeInput(f"n{i}", f"{NAMES[i % len(NAMES)]} {i}", ("person", "country", "event")[i % 3], f"n{i}/", i % 5 + 1) for i in range(count)
    ]
    pairs = sorted({tuple(sorted(chance.sample(range(count), 2))) for _ in range(edges)})
    return nodes, [(f"n{a}", f"n{b}", chance.randint(1, 6)) for a, b in pairs]


def test_a_name_is_wrapped_whole_never_cut() -> None:
    for name in NAMES:
        for room in (60.0, 110.0, 200.0):
            lines = wrap(name, room)
            assert "…" not in "".join(lines)
            assert "".join(lines).replace("-", "").replace(" ", "") == name.replace("-", "").replace(" ", "")
            # a line is wider than the room only when a single letter would not fit otherwise
            assert all(text_width(line) <= room + text_width("-") for line in lines), (name, room, lines)


def test_crossings_are_counted_from_the_order() -> None:
    diagonals = [("a", "c", 1), ("b", "d", 1)]
    assert crossings(["a", "b", "c", "d"], diagonals, centred=False) == 1
    assert crossings(["a", "c", "b", "d"], diagonals, centred=False) == 0


def test_the_order_drawn_has_no_more_crossings_than_the_callers() -> None:
    for seed in range(6):
        nodes, edges = graph(seed, 16, 30)
        ids = [n.id for n in nodes]
        best, _ = ranked_orders(ids, edges, centred=False)[0]
        assert best <= crossings(ids, edges, centred=False)


def test_each_ranked_order_has_the_crossings_it_is_ranked_by() -> None:
    # The swaps keep a running count of the crossings they change (map_order._swap_change):
    # it must be what counting the finished order from scratch gives, spokes included.
    for seed in range(12):
        nodes, edges = graph(seed, 6 + seed, 4 + 3 * seed)
        ids = [n.id for n in nodes]
        for centred in (False, True):
            ranked = ranked_orders(ids, edges, centred)
            assert ranked and all(count == crossings(order, edges, centred) for count, order in ranked)
            assert [count for count, _ in ranked] == sorted(count for count, _ in ranked)


def test_names_never_overlap_and_the_same_input_draws_the_same_map() -> None:
    for seed, centred in ((1, True), (2, False), (3, True)):
        nodes, edges = graph(seed, 20, 30)
        centre = NodeInput("c", "Release of 52 prisoners from Belarus (11 September 2025)", "event", "", 0) if centred else None
        spokes = [("c", n.id, 2) for n in nodes] if centred else []
        drawing = layout(nodes, spokes + edges, centre)
        assert drawing == layout(nodes, spokes + edges, centre)
        boxes = [tuple(float(v) for v in node.hit) for node in drawing.nodes]
        for index, (x, y, w, h) in enumerate(boxes):
            for x2, y2, w2, h2 in boxes[index + 1 :]:
                assert not (x < x2 + w2 - 1 and x2 < x + w - 1 and y < y2 + h2 - 1 and y2 < y + h - 1)
        assert all("…" not in line for node in drawing.nodes for line in node.lines)
        assert {node.full_label for node in drawing.nodes} == {n.label for n in nodes}
        assert drawing.label_hits == 0  # no line runs through a name or the middle box
