"""A misbehaving HTTP server on 127.0.0.1 for crawl tests: every URL answers by a script.

    server = BadServer({"https://www.example.com/rss": [Page(feed)],
                        "https://www.example.com/a": [Status(429, retry_after="soon"), Page(html)],
                        "/local": [Redirect("file:///etc/passwd")]})
    ... scrapy crawl <spider> -s MIRROR_URL={server.url} ...   # real hosts through it, as through the mirror
    server.hits("https://www.example.com/a")                  # [(monotonic time, step name), ...]

A script is a list of steps; the n-th request of a URL gets step n, and the last step repeats. Steps:
`Page` (200 or any status with a body), `Status` (429/503 with a `Retry-After` of any form), `Redirect`,
`Drip` (the body a few bytes at a time, slowly), `Reset` (a TCP reset instead of a response), `Hang` (no
answer at all), `TruncatedGzip` (a gzip body cut short, with a Content-Length that matches the cut, so
only the decompressor can tell) and `ShortBody` (a Content-Length larger than what is sent).

Like the offline mirror (`testing.mirror`), the server is also an HTTP(S) proxy, so a family spider keeps
its real URLs: plain `GET http://host/path` requests, and `CONNECT host:443` tunnels whose TLS it
terminates with a self-signed certificate. Requests to the server itself (`GET /path`) are keyed by the
path, `"/local"` above, or by `server.origin + path`. A URL without a script is a 404. Only 127.0.0.1 is
ever bound.
"""

from __future__ import annotations

import contextlib
import gzip
import socket
import ssl
import struct
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from .mirror import TunnelHandler, _self_signed


@dataclass(frozen=True)
class Page:
    body: bytes | str
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Status:
    """An error status (429, 503, ...) with an optional Retry-After header, given verbatim."""

    status: int
    retry_after: str | None = None


@dataclass(frozen=True)
class Redirect:
    location: str
    status: int = 302


@dataclass(frozen=True)
class Drip:
    """The body in `chunk`-byte pieces, `interval` seconds apart (Content-Length announced up front)."""

    body: bytes | str
    chunk: int = 64
    interval: float = 0.5
    content_type: str = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Reset:
    """Read the request, then reset the connection (RST, no response)."""


@dataclass(frozen=True)
class Hang:
    """Read the request and answer nothing for `seconds` (a client timeout fires first)."""

    seconds: float = 60.0


@dataclass(frozen=True)
class TruncatedGzip:
    """`Content-Encoding: gzip`, the compressed body cut to `keep` of its length; the Content-Length is that
    of the cut body, so the transfer itself looks complete."""

    body: bytes | str
    keep: float = 0.5
    content_type: str = "text/html; charset=utf-8"


@dataclass(frozen=True)
class ShortBody:
    """A Content-Length `missing` bytes larger than the body sent, then the connection is closed."""

    body: bytes | str
    missing: int = 1000
    content_type: str = "text/html; charset=utf-8"


Step = Page | Status | Redirect | Drip | Reset | Hang | TruncatedGzip | ShortBody


def _bytes(body: bytes | str) -> bytes:
    return body.encode("utf-8") if isinstance(body, str) else body


@dataclass
class _Script:
    steps: list[Step]
    served: int = 0
    hits: list[tuple[float, str]] = field(default_factory=list)


class BadServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, scripts: dict[str, list[Step]] | None = None, port: int = 0, keep_alive: bool = True) -> None:
        """`keep_alive=False` closes every connection after its answer, so that each request comes on a new
        connection (a client's pool retries a request that fails on a reused connection at once, by itself)."""
        self.keep_alive = keep_alive
        self._lock = threading.Lock()
        self._scripts: dict[str, _Script] = {}
        #: Every request in arrival order: (URL, step name or "404").
        self.log: list[tuple[str, str]] = []
        self._certs = tempfile.TemporaryDirectory(prefix="saring-badserver-")
        super().__init__(("127.0.0.1", port), _Handler)
        for key, steps in (scripts or {}).items():
            self.script(key, steps)
        hosts = sorted({urlsplit(k).hostname for k in self._scripts if urlsplit(k).hostname} | {"localhost"})
        cert, key = _self_signed(Path(self._certs.name), hosts)
        self.tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.tls.load_cert_chain(cert, key)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    #: As a proxy (`-s MIRROR_URL=`), the server is addressed by its origin.
    url = origin

    def _key(self, key: str) -> str:
        return self.origin + key if key.startswith("/") else key

    def script(self, key: str, steps: list[Step]) -> None:
        """Set (or replace) the script of a URL (or of a path on the server itself)."""
        if not steps:
            raise ValueError("a script needs at least one step")
        with self._lock:
            self._scripts[self._key(key)] = _Script(list(steps))

    def next_step(self, url: str) -> Step | None:
        with self._lock:
            script = self._scripts.get(url)
            if script is None:
                self.log.append((url, "404"))
                return None
            step = script.steps[min(script.served, len(script.steps) - 1)]
            script.served += 1
            script.hits.append((time.monotonic(), type(step).__name__))
            self.log.append((url, type(step).__name__))
            return step

    def hits(self, key: str) -> list[tuple[float, str]]:
        """(monotonic time, step name) of every request the URL got so far."""
        with self._lock:
            script = self._scripts.get(self._key(key))
            return list(script.hits) if script else []

    def requested(self, predicate=lambda url: True) -> list[str]:
        """URLs requested so far (scripted or not), in order."""
        with self._lock:
            return [url for url, _ in self.log if predicate(url)]

    def handle_error(self, request, client_address) -> None:
        """A client that hangs up mid-answer (a timeout, a killed crawl) is part of the game: no traceback."""

    def server_close(self) -> None:
        super().server_close()
        self._certs.cleanup()


class _Handler(TunnelHandler):
    protocol_version = "HTTP/1.1"
    server: BadServer

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - BaseHTTPRequestHandler's signature
        pass

    def do_GET(self) -> None:
        if self.path.startswith(("http://", "https://")):
            url = self.path
        elif self.tunnel_host:
            url = f"https://{self.tunnel_host}{self.path}"
        else:
            url = self.server.origin + self.path
        step = self.server.next_step(url)
        try:
            self._answer(step)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
            self.close_connection = True

    do_HEAD = do_GET

    def _head(self, status: int, headers: list[tuple[str, str]]) -> None:
        """Status line and headers; values are sent as UTF-8 bytes, so a header can carry any character."""
        self.send_response(status)
        if not self.server.keep_alive:
            headers = [*headers, ("Connection", "close")]
            self.close_connection = True
        for name, value in headers:
            self._headers_buffer.append(f"{name}: ".encode("latin-1") + value.encode("utf-8") + b"\r\n")
        self.end_headers()

    def _answer(self, step: Step | None) -> None:
        if step is None:
            body = b"no script for this URL\n"
            self._head(404, [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
            self.wfile.write(body)
        elif isinstance(step, Page):
            body = _bytes(step.body)
            self._head(step.status, [("Content-Type", step.content_type), ("Content-Length", str(len(body))),
                                     *step.headers])
            self.wfile.write(body)
        elif isinstance(step, Status):
            body = f"status {step.status}\n".encode()
            headers = [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))]
            if step.retry_after is not None:
                headers.append(("Retry-After", step.retry_after))
            self._head(step.status, headers)
            self.wfile.write(body)
        elif isinstance(step, Redirect):
            self._head(step.status, [("Location", step.location), ("Content-Length", "0")])
        elif isinstance(step, Drip):
            body = _bytes(step.body)
            self._head(200, [("Content-Type", step.content_type), ("Content-Length", str(len(body)))])
            for start in range(0, len(body), step.chunk):
                self.wfile.write(body[start:start + step.chunk])
                self.wfile.flush()
                time.sleep(step.interval)
        elif isinstance(step, Reset):
            self._reset()
        elif isinstance(step, Hang):
            time.sleep(step.seconds)
            self.close_connection = True
        elif isinstance(step, TruncatedGzip):
            packed = gzip.compress(_bytes(step.body))
            cut = packed[:max(11, int(len(packed) * step.keep))]
            self._head(200, [("Content-Type", step.content_type), ("Content-Encoding", "gzip"),
                             ("Content-Length", str(len(cut)))])
            self.wfile.write(cut)
        elif isinstance(step, ShortBody):
            body = _bytes(step.body)
            self._head(200, [("Content-Type", step.content_type),
                             ("Content-Length", str(len(body) + step.missing))])
            self.wfile.write(body)
            self.wfile.flush()
            self.close_connection = True

    def _reset(self) -> None:
        """Close with SO_LINGER 0: the kernel sends a RST instead of a FIN."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.close()


def serve(scripts: dict[str, list[Step]] | None = None, keep_alive: bool = True) -> BadServer:
    """Start a BadServer in a background thread; call `.shutdown()` and `.server_close()` to stop it."""
    server = BadServer(scripts, keep_alive=keep_alive)
    threading.Thread(target=server.serve_forever, name="saring-badserver", daemon=True).start()
    return server
