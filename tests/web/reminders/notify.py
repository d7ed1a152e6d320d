"""A fake GOV.UK Notify on loopback: it accepts the client's `POST /v2/notifications/email`,
checks the request is signed with the service's key as Notify does, and records it."""

from __future__ import annotations

import json
import threading
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt

SERVICE_ID = str(uuid.UUID(int=1))
SECRET = str(uuid.UUID(int=2))
API_KEY = f"open_ehcp_test-{SERVICE_ID}-{SECRET}"


@dataclass
class FakeNotify:
    url: str
    sent: list[dict[str, Any]] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)  # addresses answered with a 400


def _handler(fake: FakeNotify) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            token = self.headers.get("Authorization", "").removeprefix("Bearer ")
            try:
                claims = jwt.decode(token, SECRET, algorithms=["HS256"])
            except jwt.InvalidTokenError:
                return self._answer(403, {"errors": [{"error": "AuthError"}]})
            if self.path != "/v2/notifications/email" or claims["iss"] != SERVICE_ID:
                return self._answer(404, {"errors": [{"error": "NotFound"}]})
            if body["email_address"] in fake.refuse:
                return self._answer(400, {"errors": [{"error": "BadRequestError"}]})
            fake.sent.append(body)
            return self._answer(201, {"id": str(uuid.uuid4()), "reference": body.get("reference")})

        def _answer(self, status: int, payload: dict[str, Any]) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


def start() -> tuple[FakeNotify, ThreadingHTTPServer]:
    fake = FakeNotify(url="")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return fake, server
