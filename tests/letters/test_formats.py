"""The same letter as plain text, DOCX and PDF: the words are the same in each."""

from __future__ import annotations

import shutil
import subprocess
from io import BytesIO

import docx

from ehcp.letters import to_docx, to_pdf, to_text
from ehcp.letters.blocks import Block, to_blocks

from ..required import skip_or_fail
from ..rules.helpers import ev
from .helpers import letter

F2 = letter("F2", ev("request_received", "Mon 1 Sep 2025"), today="Tue 14 Oct 2025")


def test_blocks_from_text() -> None:
    blocks = to_blocks(
        "1 Street\nTown\n\n# Heading\n\nPlease:\n\n1. one;\n2. two,\ncontinued\n- x"
    )
    assert blocks == (
        Block("paragraph", ("1 Street", "Town")),
        Block("heading", ("Heading",)),
        Block("paragraph", ("Please:",)),
        Block("numbered", ("one;",), 1),
        Block("numbered", ("two, continued",), 2),
        Block("bullet", ("x",)),
    )


def test_plain_text_keeps_list_items_together() -> None:
    text = to_text(F2)
    assert "Please:\n\n1. send me your decision by Tuesday 21 October 2025;\n2. if you" in text
    assert "# " not in text


def test_the_docx_holds_every_line_of_the_text() -> None:
    document = docx.Document(BytesIO(to_docx(F2)))
    words = "\n".join(paragraph.text for paragraph in document.paragraphs)
    for line in to_text(F2).splitlines():
        assert line.strip() in words
    assert document.core_properties.title == "Chaser: the decision on assessment is late"
    heading = next(p for p in document.paragraphs if p.text.startswith("Request for"))
    assert heading.runs[0].bold


def test_the_pdfs_text_is_the_letters_text() -> None:
    if shutil.which("pdftotext") is None:
        skip_or_fail("pdftotext (Debian's poppler-utils) is not installed")
    extracted = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=to_pdf(F2), capture_output=True, check=True
    ).stdout.decode()
    flat = " ".join(extracted.split())
    for block in F2.blocks:
        assert " ".join(" ".join(block.lines).split()) in flat
