"""A letter as plain text (an email body), DOCX (python-docx) or PDF (ReportLab)."""

from __future__ import annotations

import functools
from io import BytesIO
from typing import Final
from xml.sax.saxutils import escape

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

from ehcp.letters.blocks import Block
from ehcp.letters.compose import Letter

BODY: Final = ParagraphStyle("body", fontName="Helvetica", fontSize=11, leading=15)
HEADING: Final = ParagraphStyle("heading", parent=BODY, fontName="Helvetica-Bold")


def to_text(letter: Letter) -> str:
    """Plain text for an email body: headings lose their marker, list items sit together."""
    out = ""
    previous: Block | None = None
    for block in letter.blocks:
        if previous is not None:
            together = _is_item(previous) and _is_item(block)
            out += "\n" if together else "\n\n"
        out += _text_block(block)
        previous = block
    return out + "\n"


def _is_item(block: Block) -> bool:
    return block.kind in ("numbered", "bullet")


def _text_block(block: Block) -> str:
    if block.kind == "numbered":
        return f"{block.number}. {block.lines[0]}"
    if block.kind == "bullet":
        return f"- {block.lines[0]}"
    return "\n".join(block.lines)


# Parts of python-docx's default template that a letter never uses. The default carries 800 KB
# of style definitions; without them a letter is written about six times faster.
UNUSED_PARTS: Final = ("stylesWithEffects", "webSettings", "customXml", "theme", "fontTable")
USED_STYLES: Final = frozenset({"Normal", "DefaultParagraphFont", "TableNormal", "NoList"})


@functools.cache
def _letter_template() -> bytes:
    """python-docx's default document, cut down to what a letter uses, with its font set."""
    document = Document()
    styles = document.styles.element
    for style in list(styles.iterchildren(qn("w:style"))):
        if style.get(qn("w:styleId")) not in USED_STYLES:
            styles.remove(style)
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype.rsplit("/", 1)[-1] in UNUSED_PARTS:
            document.part.drop_rel(rel_id)
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(11)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def to_docx(letter: Letter) -> bytes:
    document = Document(BytesIO(_letter_template()))
    document.core_properties.title = letter.title
    for block in letter.blocks:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(_prefix(block) + block.lines[0])
        run.bold = block.kind == "heading"
        for line in block.lines[1:]:
            run.add_break()
            run.add_text(line)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _prefix(block: Block) -> str:
    return {"numbered": f"{block.number}. ", "bullet": "• "}.get(block.kind, "")


def to_pdf(letter: Letter) -> bytes:
    out = BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=A4,
        title=letter.title,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
    )
    story = []
    for block in letter.blocks:
        story.append(_flowable(block))
        story.append(Spacer(1, 3 * mm))
    document.build(story)
    return out.getvalue()


def _flowable(block: Block) -> Paragraph | ListFlowable:
    markup = "<br/>".join(escape(line) for line in block.lines)
    if block.kind == "heading":
        return Paragraph(markup, HEADING)
    if block.kind in ("numbered", "bullet"):
        bullet = f"{block.number}." if block.kind == "numbered" else "•"
        return ListFlowable(
            [ListItem(Paragraph(markup, BODY), value=bullet)],
            bulletType="bullet",
            start=bullet,
            leftIndent=8 * mm,
            bulletFontName="Helvetica",
        )
    return Paragraph(markup, BODY)
