"""Councils: the small crosswalk the published files cannot give us.

Councils are keyed on the 3-digit DfE LA number (`old_la_code`), which survives GSS code
changes (Gateshead, Northumberland, Buckinghamshire). Names, GSS codes and regions come from
the data; this module adds reorganisations and everyday alternative names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Reorganisation:
    year: int
    successors: tuple[str, ...]
    what: str


REORGANISATIONS: dict[str, Reorganisation] = {
    "835": Reorganisation(2019, ("838",), "replaced by the new Dorset Council in April 2019"),
    "836": Reorganisation(
        2019, ("839",), "merged into Bournemouth, Christchurch and Poole in April 2019"
    ),
    "837": Reorganisation(
        2019, ("839",), "merged into Bournemouth, Christchurch and Poole in April 2019"
    ),
    "928": Reorganisation(
        2021,
        ("940", "941"),
        "split into North Northamptonshire and West Northamptonshire in April 2021",
    ),
    "909": Reorganisation(
        2023, ("942", "943"), "split into Cumberland and Westmorland and Furness in April 2023"
    ),
}

# Everyday names that differ from DfE's, and names used by other publishers.
NAME_ALIASES: dict[str, str] = {
    "bristol": "801",
    "city of bristol": "801",
    "hull": "810",
    "kingston upon hull": "810",
    "city of kingston upon hull": "810",
    "herefordshire": "884",
    "county of herefordshire": "884",
    "durham": "840",
    "county durham": "840",
    "bcp": "839",
    "bournemouth christchurch and poole": "839",
    "st helens": "342",
    "westmorland and furness": "943",
    "westmorland furness": "943",
    "city of london corporation": "201",
    "isles of scilly": "420",
}


def alias_key(text: str) -> str:
    """A forgiving key for council names and codes: case, punctuation and '&' ignored."""
    lowered = text.lower().replace("&", " and ")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", lowered).split())
