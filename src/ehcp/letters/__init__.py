"""Letters built from a case's facts and the statutory clock: pure, no Django.

A letter is a template file (editable by a council or an advocacy organisation) rendered with
the case's deadlines as the clock works them out, then written as plain text, DOCX or PDF.
Every date in a letter comes from `ehcp.rules`; a chaser is only offered once the clock says
the deadline has passed with no exception.
"""

from ehcp.letters.compose import Letter, LetterError, build_letter, offered_letters
from ehcp.letters.formats import to_docx, to_pdf, to_text
from ehcp.letters.parties import Child, Party
from ehcp.letters.templates import LetterTemplate, load_catalogue

__all__ = [
    "Child",
    "Letter",
    "LetterError",
    "LetterTemplate",
    "Party",
    "build_letter",
    "load_catalogue",
    "offered_letters",
    "to_docx",
    "to_pdf",
    "to_text",
]
