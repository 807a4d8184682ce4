"""Build seeds/reference/territory_boundary_edges.csv from the department contours.

The outline of the French territories (metropolitan France, Corsica and the
five DROM) as straight edges, for a portable point-in-polygon check in SQL
(ray casting on the edges of the point's latitude band, see
stg_irve__charge_points_typed):

1. read dashboards/assets/departments.geojson.gz (Etalab contours, ~100 m,
   coordinates rounded to 0.001 degree, so two departments share the exact
   vertices of their common border);
2. count every undirected edge: an edge seen an even number of times is an
   interior border (or a duplicate) and is dropped, the rest is the outline;
3. chain the outline edges into lines between junctions (or closed rings)
   and simplify each with Douglas-Peucker at --epsilon degrees;
4. add the COM with an INSEE code but no contour shipped (975, 977, 978) as
   rectangles;
5. write one row per edge and latitude band it spans (band = floor(lat * 10)),
   so that SQL joins a point to its band's edges on equality.

Standard library only. Run from the repository root:
    python scripts/build_territory_edges.py
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
from collections import Counter, defaultdict
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "dashboards" / "assets" / "departments.geojson.gz"
TARGET = ROOT / "seeds" / "reference" / "territory_boundary_edges.csv"

# Integer grid of the source (its coordinates have 3 decimals): exact matching
# of shared vertices.
SCALE = 1000
# Latitude band height is 1 / BANDS_PER_DEGREE degree; the SQL uses the same
# floor(latitude * 10) and must keep the tolerance below one band.
BANDS_PER_DEGREE = 10

# COM with an INSEE code (quality_territory) but no contour in the source: the
# bounding boxes CRDF used, [lon min, lon max, lat min, lat max].
COM_BOXES = {
    "975": (-56.5, -56.1, 46.7, 47.2),  # Saint-Pierre-et-Miquelon
    "977": (-62.95, -62.75, 17.85, 17.98),  # Saint-Barthélemy
    "978": (-63.2, -62.95, 18.0, 18.15),  # Saint-Martin
}

Point = tuple[int, int]


def territory_of(department_code: str) -> str:
    """Same territories as the quality_territory macro (commune code based)."""
    if department_code in ("2A", "2B"):
        return "corse"
    if department_code.startswith("97"):
        return department_code[:3]
    return "metropole"


def outline_edges(features: list[dict]) -> dict[str, set[tuple[Point, Point]]]:
    """Undirected edges seen an odd number of times, per territory."""
    counts: Counter[tuple[Point, Point]] = Counter()
    territory: dict[tuple[Point, Point], str] = {}
    for feature in features:
        code = territory_of(feature["properties"]["code"])
        geometry = feature["geometry"]
        polygons = (
            geometry["coordinates"]
            if geometry["type"] == "MultiPolygon"
            else [geometry["coordinates"]]
        )
        for polygon in polygons:
            for ring in polygon:
                points = [(round(x * SCALE), round(y * SCALE)) for x, y in ring]
                for a, b in pairwise(points):
                    if a != b:
                        key = (min(a, b), max(a, b))
                        counts[key] += 1
                        territory[key] = code
    kept: dict[str, set[tuple[Point, Point]]] = defaultdict(set)
    for key, count in counts.items():
        if count % 2 == 1:
            kept[territory[key]].add(key)
    return kept


def chains(edges: set[tuple[Point, Point]]) -> list[list[Point]]:
    """Lines between junctions (degree != 2) and closed rings (first == last)."""
    neighbours: dict[Point, list[Point]] = defaultdict(list)
    for a, b in edges:
        neighbours[a].append(b)
        neighbours[b].append(a)
    used: set[tuple[Point, Point]] = set()

    def walk(start: Point, first: Point) -> list[Point]:
        line = [start, first]
        used.add((min(start, first), max(start, first)))
        while len(neighbours[line[-1]]) == 2 and line[-1] != start:
            here = line[-1]
            following = [n for n in neighbours[here] if (min(here, n), max(here, n)) not in used]
            if not following:
                break
            used.add((min(here, following[0]), max(here, following[0])))
            line.append(following[0])
        return line

    lines = []
    for vertex in sorted(neighbours):
        if len(neighbours[vertex]) != 2:
            for n in neighbours[vertex]:
                if (min(vertex, n), max(vertex, n)) not in used:
                    lines.append(walk(vertex, n))
    for vertex in sorted(neighbours):
        for n in neighbours[vertex]:
            if (min(vertex, n), max(vertex, n)) not in used:
                lines.append(walk(vertex, n))
    return lines


def distance_to_segment(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return math.hypot(p[0] - a[0], p[1] - a[1])
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2))
    return math.hypot(a[0] + t * dx - p[0], a[1] + t * dy - p[1])


def douglas_peucker(line: list[Point], epsilon: float) -> list[Point]:
    """Iterative Douglas-Peucker keeping both ends."""
    keep = [False] * len(line)
    keep[0] = keep[-1] = True
    stack = [(0, len(line) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, index = 0.0, None
        for i in range(first + 1, last):
            d = distance_to_segment(line[i], line[first], line[last])
            if d > farthest:
                farthest, index = d, i
        if index is not None and farthest > epsilon:
            keep[index] = True
            stack.extend([(first, index), (index, last)])
    return [p for p, k in zip(line, keep, strict=True) if k]


def simplify(line: list[Point], epsilon: float) -> list[Point]:
    if line[0] != line[-1]:
        return douglas_peucker(line, epsilon)
    # A closed ring: split at its vertex farthest from the start.
    far = max(range(len(line)), key=lambda i: math.dist(line[0], line[i]))
    ring = douglas_peucker(line[: far + 1], epsilon) + douglas_peucker(line[far:], epsilon)[1:]
    if len(ring) < 4:
        # A small island collapsed to a segment: keep a triangle.
        third = max(
            range(len(line)), key=lambda i: distance_to_segment(line[i], line[0], line[far])
        )
        ring = [line[i] for i in sorted({0, far, third})] + [line[0]]
    return ring


def box_ring(box: tuple[float, float, float, float]) -> list[Point]:
    lon_min, lon_max, lat_min, lat_max = (round(v * SCALE) for v in box)
    return [
        (lon_min, lat_min),
        (lon_max, lat_min),
        (lon_max, lat_max),
        (lon_min, lat_max),
        (lon_min, lat_min),
    ]


def bands(lat1: float, lat2: float) -> range:
    low = math.floor(min(lat1, lat2) * BANDS_PER_DEGREE)
    high = math.floor(max(lat1, lat2) * BANDS_PER_DEGREE)
    return range(low, high + 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--epsilon",
        type=float,
        default=0.005,
        help="Douglas-Peucker tolerance in degrees (default 0.005, about 500 m)",
    )
    args = parser.parse_args()
    with gzip.open(SOURCE, "rt", encoding="utf-8") as handle:
        features = json.load(handle)["features"]

    rings: dict[str, list[list[Point]]] = defaultdict(list)
    for territory, edges in outline_edges(features).items():
        for line in chains(edges):
            rings[territory].append(simplify(line, args.epsilon * SCALE))
    for territory, box in COM_BOXES.items():
        rings[territory].append(box_ring(box))

    rows = set()
    for territory, lines in rings.items():
        for line in lines:
            for a, b in pairwise(line):
                if a == b:
                    continue
                lon1, lat1, lon2, lat2 = (v / SCALE for v in (*a, *b))
                for band in bands(lat1, lat2):
                    rows.add((territory, band, lon1, lat1, lon2, lat2))

    TARGET.parent.mkdir(parents=True, exist_ok=True)
    with TARGET.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["territory_code", "lat_band", "lon1", "lat1", "lon2", "lat2"])
        writer.writerows(sorted(rows))
    edge_count = len({row[2:] for row in rows})
    print(f"{TARGET.relative_to(ROOT)}: {edge_count} edges, {len(rows)} rows")


if __name__ == "__main__":
    main()
