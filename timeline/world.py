"""Country outlines for the map, from Natural Earth's 1:110m countries as world-atlas
ships them (TopoJSON, in timeline/static/timeline/map/, public domain data, ISC-licensed
packaging): decoded and projected into one SVG file, `world-110m.svg` beside it, which
`manage.py build_world_map` writes and the map page shows under its points, so the page
draws the world with no tile server, script or request to another host. The SVG is
committed (a static file, kept by browsers like any other); a test holds it to what this
module makes of the JSON.

The projection is equirectangular: longitude -180..180 to x 0..360, latitude 90..-90 to
y 0..180, so that a point is placed with the same two additions in the template.
"""

import json
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

MAP_DIRECTORY = Path(__file__).resolve().parent / "static" / "timeline" / "map"
MAP_FILE = MAP_DIRECTORY / "countries-110m.json"
SVG_FILE = MAP_DIRECTORY / "world-110m.svg"
SVG_STATIC = "timeline/map/world-110m.svg"
ANTARCTICA = "010"  # ISO numeric: left out, as the map's frame stops at 60°S
# The drawn frame, in projected units: from 84°N to 60°S (no land past them but Antarctica).
VIEW_BOX = (0, 6, 360, 144)


@dataclass(frozen=True)
class Shape:
    name: str
    iso_numeric: str | None
    path: str  # SVG path data


def project(longitude: float, latitude: float) -> tuple[float, float]:
    return longitude + 180, 90 - latitude


def _arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Each arc's points in degrees: TopoJSON stores them quantized and delta-encoded."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _ring(arcs, indexes) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        # A negative index is the one's complement of an arc walked backwards.
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _unwrapped(ring):
    """The ring's longitudes made continuous: Russia and Fiji cross the antimeridian, and a
    ring drawn from 179°E straight to 179°W would cross the whole map."""
    points, shift, previous = [], 0.0, None
    for longitude, latitude in ring:
        if previous is not None and abs(longitude - previous) > 180:
            shift += 360 if longitude < previous else -360
        previous = longitude
        points.append((longitude + shift, latitude))
    return points


def _path(rings) -> str:
    parts = []
    for ring in rings:
        ring = _unwrapped(ring)
        copies = [ring]
        # A ring past either edge is drawn again from the other one; the frame clips both.
        if max(lon for lon, _ in ring) > 180:
            copies.append([(lon - 360, lat) for lon, lat in ring])
        if min(lon for lon, _ in ring) < -180:
            copies.append([(lon + 360, lat) for lon, lat in ring])
        for copy in copies:
            projected = []
            for longitude, latitude in copy:
                x, y = project(longitude, latitude)
                point = f"{x:.1f} {y:.1f}"
                if not projected or projected[-1] != point:  # at this scale, many coincide
                    projected.append(point)
            if len(projected) > 2:
                parts.append("M" + "L".join(projected) + "Z")
    return "".join(parts)


def country_shapes() -> tuple[Shape, ...]:
    """Every country's outline (Antarctica left out), in the map file's order."""
    topology = json.loads(MAP_FILE.read_text())
    arcs = _arcs(topology)
    shapes = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("id") == ANTARCTICA:
            continue
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        rings = [_ring(arcs, ring) for polygon in polygons for ring in polygon]
        shapes.append(Shape(geometry["properties"]["name"], geometry.get("id"), _path(rings)))
    return tuple(shapes)


def world_svg() -> str:
    """The outlines as an SVG document of WIDTH x HEIGHT units (the projection's)."""
    paths = "\n".join(
        f'<path d="{shape.path}"><title>{escape(shape.name)}</title></path>'
        for shape in country_shapes()
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 180" width="360" '
        'height="180">\n'
        "<!-- Natural Earth 1:110m countries (public domain), via world-atlas 2.0.2 "
        "(ISC); made by manage.py build_world_map. -->\n"
        '<g fill="#e3e7ed" stroke="#ffffff" stroke-width="0.25" stroke-linejoin="round">\n'
        f"{paths}\n</g>\n</svg>\n"
    )
