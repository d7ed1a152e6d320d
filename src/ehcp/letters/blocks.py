"""A rendered letter as blocks: headings, paragraphs (with line breaks) and list items."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

NUMBERED: Final = re.compile(r"^(\d+)\. ")


@dataclass(frozen=True)
class Block:
    kind: str  # "heading", "paragraph", "numbered", "bullet"
    lines: tuple[str, ...]
    number: int = 0


def to_blocks(text: str) -> tuple[Block, ...]:
    """Blank lines separate blocks; `# ` starts a heading, `1. ` a numbered item, `- ` a
    bullet; other lines are a paragraph, each line kept (addresses, sign-offs)."""
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        lines = [line.rstrip() for line in chunk.splitlines() if line.strip()]
        blocks.extend(_chunk_blocks(lines))
    return tuple(blocks)


def _chunk_blocks(lines: list[str]) -> list[Block]:
    if lines and lines[0].startswith("# "):
        return [Block("heading", (" ".join(line.lstrip("# ") for line in lines),))]
    if not lines or not _is_item(lines[0]):
        return [Block("paragraph", tuple(lines))] if lines else []
    items: list[Block] = []
    for line in lines:
        if _is_item(line):
            items.append(_item(line))
        elif items:  # a continuation line of the item before
            last = items[-1]
            items[-1] = Block(last.kind, (f"{last.lines[0]} {line.strip()}",), last.number)
    return items


def _is_item(line: str) -> bool:
    return line.startswith("- ") or bool(NUMBERED.match(line))


def _item(line: str) -> Block:
    numbered = NUMBERED.match(line)
    if numbered:
        return Block("numbered", (line[numbered.end() :],), int(numbered.group(1)))
    return Block("bullet", (line[2:],))
