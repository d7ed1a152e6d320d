"""docs/letters.md is generated from the templates and kept in step with them."""

from __future__ import annotations

from pathlib import Path

from ehcp.letters.reference import letters_markdown


def test_the_letter_catalogue_page_is_up_to_date() -> None:
    document = Path(__file__).resolve().parents[2] / "docs" / "letters.md"
    assert document.read_text(encoding="utf-8") == letters_markdown(), "regenerate docs/letters.md"
