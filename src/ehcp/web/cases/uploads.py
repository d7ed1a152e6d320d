"""What an uploaded document is, judged by its bytes, never by the name or type the browser
declared. Only PDF, Word (DOCX), common images and plain text are kept, each stored and
served under the type and extension its content shows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

import filetype

LARGEST: Final = 5 * 1024 * 1024
MARKUP_STARTS: Final = (b"<", b"\xef\xbb\xbf<")


@dataclass(frozen=True)
class Kind:
    mime: str
    extension: str


ALLOWED: Final = {
    "application/pdf": Kind("application/pdf", "pdf"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": Kind(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"
    ),
    "image/png": Kind("image/png", "png"),
    "image/jpeg": Kind("image/jpeg", "jpg"),
    "image/gif": Kind("image/gif", "gif"),
    "image/webp": Kind("image/webp", "webp"),
}
TEXT: Final = Kind("text/plain", "txt")


def kind_of(upload: Any) -> Kind | None:
    """The kind of file `upload` holds, or None when it is none we accept."""
    upload.seek(0)
    content = upload.read(LARGEST + 1)
    upload.seek(0)
    guess = filetype.guess(content[:8192])
    if guess is not None:
        return ALLOWED.get(guess.mime)
    return TEXT if _is_plain_text(content) else None


def _is_plain_text(content: bytes) -> bool:
    """UTF-8 text with no NUL, and not markup (HTML or SVG declared as text)."""
    if b"\x00" in content or content.lstrip().startswith(MARKUP_STARTS):
        return False
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def safe_name(original: str, kind: Kind) -> str:
    """The name to download the file under: the uploader's, with the extension that matches
    its content (so `report.exe` holding a PDF comes back as `report.pdf`)."""
    stem = original.rsplit(".", 1)[0] if "." in original else original
    stem = "".join(c for c in stem if c.isalnum() or c in " -_")[:150].strip() or "document"
    return f"{stem}.{kind.extension}"
