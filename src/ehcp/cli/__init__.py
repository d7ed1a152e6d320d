"""The `ehcp` command: one entry point for every job a user runs from a terminal.

Each subcommand lives in its own module with a `register(subparsers)` function that adds
its parser and sets `handler` to a function taking the parsed arguments and returning an
exit code.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ehcp.cli import clock, forecast, letter, stats
from ehcp.cli.errors import UserError

SUBCOMMANDS = (clock, letter, stats, forecast)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ehcp",
        description="Open EHCP: statutory EHC plan deadlines, casework and statistics.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in SUBCOMMANDS:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except UserError as error:
        print(f"ehcp {args.command}: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
