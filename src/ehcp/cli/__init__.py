"""The `ehcp` command: one entry point for every job a user runs from a terminal.

Each subcommand lives in its own module with a `register(subparsers)` function that adds
its parser and sets `handler` to a function taking the parsed arguments and returning an
exit code. Whatever the input, the command answers with an exit status and, on failure, one
line on stderr, never a traceback: 2 for a mistake in the arguments or in a file, and 141
(128 + SIGPIPE, as a shell shows a process a closed pipe stopped) when whatever reads the
output stops reading, as `ehcp stats show ... | head -1` does.
"""

from __future__ import annotations

import argparse
import os
import sys
import unicodedata
from collections.abc import Sequence
from typing import NoReturn

from ehcp.cli import clock, forecast, letter, stats
from ehcp.cli.errors import UserError

SUBCOMMANDS = (clock, letter, stats, forecast)


CLOSED_PIPE = 128 + 13  # SIGPIPE is signal 13 on every platform that has it.


class Parser(argparse.ArgumentParser):
    """argparse's parser, saying what is wrong in one line instead of the usage and a line."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {one_line(message)} (see '{self.prog} --help').\n")


def one_line(message: str) -> str:
    """The message with any line break or other control character spelt out (\\r, \\x1b),
    so text typed by the user cannot break the line or drive the terminal."""
    return "".join(
        char.encode("unicode_escape").decode() if _is_control(char) else char for char in message
    )


def _is_control(char: str) -> bool:
    return unicodedata.category(char) in {"Cc", "Zl", "Zp"}


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="ehcp",
        description="Open EHCP: statutory EHC plan deadlines, casework and statistics.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in SUBCOMMANDS:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        try:
            code = int(args.handler(args))
        except UserError as error:
            print(f"ehcp {args.command}: {one_line(str(error))}", file=sys.stderr)
            code = 2
        sys.stdout.flush()
    except BrokenPipeError:
        _discard_output()
        return CLOSED_PIPE
    return code


def _discard_output() -> None:
    """Point stdout at the null device, so the flush when Python exits has nowhere to fail."""
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (a test's capture): there is nothing left to flush
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, descriptor)
    os.close(null)


if __name__ == "__main__":
    sys.exit(main())
