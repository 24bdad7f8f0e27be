"""The server's gate: requests for another host refused (DNS rebinding), cross-site posts
refused, bodies over the upload limit refused before they are read, and safe headers on
every answer. The CSRF token is checked where the form is read (`forms.read_form`).
"""

from __future__ import annotations

import html
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "[::1]"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
HEADERS = [
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        b"form-action 'self'; frame-ancestors 'none'",
    ),
]


class TooLarge(Exception):
    pass


def host_name(value: str) -> str:
    """`127.0.0.1:8765` → `127.0.0.1`; `[::1]:80` → `[::1]`."""
    value = value.strip().lower()
    if value.startswith("["):
        return value.split("]", 1)[0] + "]"
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def refusal_page(text: str) -> str:
    """A small page for a refused request: the reason, and the way back."""
    shown = html.escape(text)
    return (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>'
        f'{shown}</title></head><body><main><h1>{shown}</h1><p><a href="/">'
        "Về trang đầu / Back to the start</a></p></main></body></html>"
    )


async def _plain(send: Send, status: int, text: str) -> None:
    body = refusal_page(text).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/html; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                *HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class Guard:
    """ASGI middleware around the app (see the module docstring)."""

    def __init__(self, app: ASGIApp, max_body: int, hosts: frozenset[str] = LOCAL_HOSTS):
        self.app = app
        self.max_body = max_body
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        if host_name(headers.get("host", "")) not in self.hosts:
            await _plain(send, 400, "Host không hợp lệ / invalid Host header")
            return
        if scope["method"] not in SAFE_METHODS:
            origin = headers.get("origin")
            if origin is not None and (
                origin == "null" or host_name(urlsplit(origin).netloc) not in self.hosts
            ):
                await _plain(send, 403, "Nguồn gửi không hợp lệ / cross-origin request refused")
                return
            if headers.get("sec-fetch-site") == "cross-site":
                await _plain(send, 403, "Nguồn gửi không hợp lệ / cross-site request refused")
                return
        length = headers.get("content-length")
        if length is not None and (
            not (length.isascii() and length.isdigit()) or int(length) > self.max_body
        ):
            await _plain(send, 413, self._too_large())
            return
        await self._run(scope, receive, send)

    def _too_large(self) -> str:
        mb = self.max_body // (1024 * 1024)
        return f"Tệp quá lớn (tối đa {mb} MB) / upload over the {mb} MB limit"

    async def _run(self, scope: Scope, receive: Receive, send: Send) -> None:
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                raise TooLarge
            return message

        async def with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        try:
            await self.app(scope, counted, with_headers)
        except TooLarge:
            if not started:
                await _plain(send, 413, self._too_large())
