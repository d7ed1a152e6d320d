"""A small OpenID Connect provider on a local port, for the single sign-on tests: its token
and userinfo endpoints answer the requests mozilla-django-oidc makes over HTTP, and check the
client's secret, the code and its PKCE verifier, as a real provider does."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

import jwt

CLIENT_ID = "open-ehcp-tests"
CLIENT_SECRET = "a-client-secret-for-the-tests-only"  # noqa: S105


class Provider:
    def __init__(self) -> None:
        self.grants: dict[str, dict[str, Any]] = {}
        self.tokens: dict[str, dict[str, Any]] = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Provider:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def authorise(self, request: dict[str, str], claims: dict[str, Any]) -> str:
        """What the provider's sign-in page does: a code for `claims`, bound to the request's
        nonce and PKCE challenge."""
        assert request["client_id"] == CLIENT_ID
        code = secrets.token_urlsafe(16)
        self.grants[code] = {"claims": claims, **request}
        return code

    def _token(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        grant = self.grants.pop(form.get("code", ""), None)
        if form.get("client_secret") != CLIENT_SECRET or grant is None:
            return 400, {"error": "invalid_grant"}
        challenge = base64.urlsafe_b64encode(
            hashlib.sha256(form.get("code_verifier", "").encode()).digest()
        ).rstrip(b"=")
        if challenge.decode() != grant["code_challenge"]:
            return 400, {"error": "invalid_grant"}
        claims = grant["claims"]
        now = int(time.time())
        id_token = {
            "iss": self.url,
            "aud": CLIENT_ID,
            "sub": claims["email"],
            "iat": now,
            "exp": now + 300,
            "nonce": grant["nonce"],
            "amr": claims.get("amr", ["pwd"]),
        }
        access_token = secrets.token_urlsafe(16)
        self.tokens[access_token] = {"sub": claims["email"], "email": claims["email"]}
        signed = jwt.encode(id_token, CLIENT_SECRET, algorithm="HS256")
        return 200, {"id_token": signed, "access_token": access_token, "token_type": "Bearer"}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - the standard library's name
                length = int(self.headers.get("Content-Length", 0))
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                self._send(*provider._token(form))

            def do_GET(self) -> None:  # noqa: N802
                token = self.headers.get("Authorization", "").removeprefix("Bearer ")
                info = provider.tokens.get(token)
                self._send(200, info) if info else self._send(401, {"error": "invalid_token"})

            def _send(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        return Handler
