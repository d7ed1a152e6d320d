"""`ehcp stats`: placeholder until the statistics importer lands."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("stats", help="DfE published EHC plan statistics")
    parser.set_defaults(handler=_not_ready)


def _not_ready(args: argparse.Namespace) -> int:
    raise NotImplementedError
