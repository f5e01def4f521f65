"""The "who met whom" picture laid out on the server: the busiest nodes of a network
(events.network) on a circle, joined by lines as thick as the meetings they shared. A
circle needs no iterative layout, reads the same on every request, and puts no node on
top of another."""

import math
from collections import Counter
from dataclasses import dataclass, field

from events.network import Network

NODES_SHOWN = 16
WIDTH, HEIGHT = 600, 440  # the drawing's own units (viewBox): it scales to the page
CENTER_X, CENTER_Y, RADIUS = WIDTH / 2, HEIGHT / 2, 150
LABEL_GAP = 14


@dataclass
class Node:
    key: str
    label: str  # the name, shown on a wide screen
    short: str  # a code or surname, shown on a phone
    degree: int  # meetings with the other shown nodes, counted once per partner
    x: float
    y: float
    r: float
    label_x: float
    label_y: float
    anchor: str
    url: str


@dataclass
class Line:
    first: Node
    second: Node
    count: int
    width: float
    url: str


@dataclass
class Drawing:
    nodes: list[Node]
    lines: list[Line]
    pairs: list[tuple[str, str, int, str]]  # the table: every pair read (names, count, link)
    latest_only: bool = False
    width: int = WIDTH
    height: int = HEIGHT
    more_nodes: int = 0  # nodes with meetings not drawn
    types: list[str] = field(default_factory=list)


def circle(network: Network, label, short, node_url, pair_url) -> Drawing:
    """Lay out `network`: `label(key)`, `short(key)` name a node, `node_url(key)` and
    `pair_url(first, second)` link a node and a pair ("" for no link)."""
    degree: Counter = Counter()
    for edge in network.edges:
        degree[edge.first] += edge.count
        degree[edge.second] += edge.count
    ranked = sorted(degree, key=lambda key: (-degree[key], key))
    shown = ranked[:NODES_SHOWN]
    top = max(degree.values(), default=1)
    nodes = {}
    for i, key in enumerate(shown):
        angle = -math.pi / 2 + 2 * math.pi * i / len(shown)
        cos, sin = math.cos(angle), math.sin(angle)
        nodes[key] = Node(
            key=key,
            label=label(key),
            short=short(key),
            degree=degree[key],
            x=round(CENTER_X + RADIUS * cos, 1),
            y=round(CENTER_Y + RADIUS * sin, 1),
            r=round(4 + 10 * math.sqrt(degree[key] / top), 1),
            label_x=round(CENTER_X + (RADIUS + LABEL_GAP + 8) * cos, 1),
            label_y=round(CENTER_Y + (RADIUS + LABEL_GAP + 8) * sin + 4, 1),
            anchor="start" if cos > 0.2 else "end" if cos < -0.2 else "middle",
            url=node_url(key),
        )
    busiest = max((e.count for e in network.edges), default=1)
    lines = [
        Line(
            nodes[e.first],
            nodes[e.second],
            e.count,
            round(1 + 7 * math.sqrt(e.count / busiest), 2),
            pair_url(e.first, e.second),
        )
        for e in network.edges
        if e.first in nodes and e.second in nodes
    ]
    # The thin lines under the thick ones.
    lines.sort(key=lambda line: line.count)
    pairs = [
        (label(e.first), label(e.second), e.count, pair_url(e.first, e.second))
        for e in network.edges
    ]
    return Drawing(
        list(nodes.values()),
        lines,
        pairs,
        latest_only=network.latest_only,
        more_nodes=len(ranked) - len(shown),
        types=network.types,
    )
