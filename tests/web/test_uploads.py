"""Uploads are accepted by their content, not the type the browser declared."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ehcp.web.cases.models import Document

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489")
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 300
HTML = b"<html><script>alert(1)</script></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def upload(client, case, name, content, declared):
    file = SimpleUploadedFile(name, content, content_type=declared)
    url = reverse("upload-document", args=[case.reference])
    return client.post(url, {"title": "Evidence", "file": file})


@pytest.mark.parametrize(
    ("name", "content", "declared"),
    [
        ("setup.pdf", EXE, "application/pdf"),
        ("page.txt", HTML, "text/plain"),
        ("picture.png", SVG, "image/png"),
        ("notes.txt", b"caf\xe9", "text/plain"),
    ],
)
def test_a_file_that_is_not_what_it_claims_is_refused(signed_in, case, name, content, declared):
    response = upload(signed_in, case, name, content, declared)
    assert response.status_code == 400
    assert "The selected file must be a PDF" in response.content.decode()
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "declared", "mime", "stored_as"),
    [
        ("plan.exe", PDF, "application/octet-stream", "application/pdf", "plan.pdf"),
        ("scan", PNG, "text/plain", "image/png", "scan.png"),
        ("notes.txt", b"Met the school", "text/plain", "text/plain", "notes.txt"),
        (
            "letter.docx",
            docx(),
            "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "letter.docx",
        ),
    ],
)
def test_a_file_is_stored_as_what_it_is(signed_in, case, name, content, declared, mime, stored_as):
    assert upload(signed_in, case, name, content, declared).status_code == 302
    document = Document.objects.get()
    assert (document.content_type, document.original_name) == (mime, stored_as)
    assert document.file.name.endswith("." + stored_as.rsplit(".", 1)[1])
    response = signed_in.get(reverse("document", args=[case.reference, document.token]))
    assert response["Content-Type"] == mime
    assert b"".join(response.streaming_content) == content
