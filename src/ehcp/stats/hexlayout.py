"""Where each council's hexagon sits on the hex map of England.

The layout is Open Innovations' hex map of upper-tier local authorities (MIT licence, a
HexJSON file in the shared data folder, read where it lies). It dates from 2020, so it is
brought up to date here:

- Northamptonshire (E10000021) split into North and West Northamptonshire in April 2021: North
  Northamptonshire takes the county's hexagon; West Northamptonshire goes just west of it, the
  two hexagons west of the county in its row (Warwickshire, Herefordshire) moving one column
  west, so that Herefordshire stays on the Welsh border.
- Cumbria (E10000006) split into Cumberland and Westmorland and Furness in April 2023:
  Westmorland and Furness takes the county's hexagon, Cumberland the free one north of it.
- North Yorkshire and Somerset became unitary councils in April 2023 but DfE's figures keep
  their county codes (E10000023, E10000027), so their hexagons stay as they are.

For years before a split, the successors' hexagons show the old council (see `hexmap`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ehcp.stats.errors import StatsError

ATTRIBUTION = "Hex map layout: Open Innovations, MIT licence, with the 2021 and 2023 changes."
LAYOUT_FILE = "uk-upper-tier-local-authorities.hexjson"


@dataclass(frozen=True)
class Hex:
    code: str
    name: str
    q: int
    r: int


@dataclass(frozen=True)
class Split:
    old_code: str
    takes_old_hex: tuple[str, str]
    new_hex: tuple[str, str]
    direction: str


SPLITS = (
    Split("E10000021", ("E06000061", "North Northamptonshire"),
          ("E06000062", "West Northamptonshire"), "west"),
    Split("E10000006", ("E06000064", "Westmorland and Furness"),
          ("E06000063", "Cumberland"), "north"),
)  # fmt: skip


def default_layout_path(repo_root: Path) -> Path:
    """The shared data folder beside the repository."""
    return repo_root.parent / "shared" / "data" / "hexmaps" / LAYOUT_FILE


def load(path: Path) -> tuple[str, tuple[Hex, ...]]:
    """(offset layout, hexagons) with the post-2020 councils added."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        layout = str(document["layout"])
        hexes = {
            str(code): Hex(str(code), str(cell.get("n", code)), int(cell["q"]), int(cell["r"]))
            for code, cell in document["hexes"].items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise StatsError(f"The hex map layout {path} cannot be read ({error}).") from error
    if layout != "odd-r":
        raise StatsError(f"The hex map layout {path} is '{layout}'; only odd-r is drawn.")
    for split in SPLITS:
        _apply(hexes, split, layout)
    return layout, tuple(sorted(hexes.values(), key=lambda h: (-h.r, h.q)))


def _apply(hexes: dict[str, Hex], split: Split, layout: str) -> None:
    old = hexes.pop(split.old_code, None)
    if old is None:
        return
    code, name = split.takes_old_hex
    hexes[code] = Hex(code, name, old.q, old.r)
    if split.direction == "west":
        q, r = _make_room_west(hexes, old)
    else:
        q, r = _free_cell(old, {(h.q, h.r) for h in hexes.values()})
    new_code, new_name = split.new_hex
    hexes[new_code] = Hex(new_code, new_name, q, r)


def neighbours(q: int, r: int) -> list[tuple[int, int]]:
    """The six cells around (q, r) in an odd-r layout, north (higher r) first."""
    shift = (0, 1) if r % 2 else (-1, 0)
    above = [(q + d, r + 1) for d in shift]
    below = [(q + d, r - 1) for d in shift]
    return [*above, (q - 1, r), (q + 1, r), *below]


def _make_room_west(hexes: dict[str, Hex], old: Hex) -> tuple[int, int]:
    """Move the unbroken run of hexagons west of `old` one column west; the cell beside it."""
    by_cell = {(h.q, h.r): h for h in hexes.values()}
    run = []
    q = old.q - 1
    while (q, old.r) in by_cell:
        run.append(by_cell[(q, old.r)])
        q -= 1
    for cell in run:
        hexes[cell.code] = Hex(cell.code, cell.name, cell.q - 1, cell.r)
    return old.q - 1, old.r


def _free_cell(old: Hex, taken: set[tuple[int, int]]) -> tuple[int, int]:
    """The first free cell around the old hexagon, ring by ring, northernmost first."""
    ring = [(old.q, old.r)]
    seen = set(ring)
    while ring:
        cells = [cell for q, r in ring for cell in neighbours(q, r) if cell not in seen]
        cells.sort(key=lambda cell: -cell[1])
        free = [cell for cell in cells if cell not in taken]
        if free:
            return free[0]
        seen.update(cells)
        ring = list(dict.fromkeys(cells))
    raise StatsError("The hex map has no free cell for a new council.")
