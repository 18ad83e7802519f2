"""An offline mirror of news sites on 127.0.0.1, for tests and the demo.

`fixtures/sites/<host>/<path>` holds the pages. How a URL maps to a file:

- `https://<host>/a/b` -> `<host>/a/b`; a path ending in `/` (or empty) -> `<host>/a/b/index.html`, and a
  path that is also a folder -> `<host>/a/b/index.html`;
- a query string is appended after `@`: `https://<host>/a/b?page=2` -> `<host>/a/b@page=2` (parameters
  sorted, so `?b=1&a=2` and `?a=2&b=1` are the same file);
- `<file>.responses`, when present, is a JSON list of statuses served before the file itself
  (`[503]`: the first request gets 503 with `Retry-After: 1`, the next one the file);
- a missing file is a 404.

The server is an HTTP proxy, so a crawler keeps the real URLs: plain `GET http://host/path` requests,
and `CONNECT host:443` tunnels whose TLS it terminates with a self-signed certificate made at start-up
(crawlers that verify certificates must not be pointed at it). `GET /<host>/<path>` also works, for a
browser. Only 127.0.0.1 is ever bound.
"""

from __future__ import annotations

import datetime
import json
import mimetypes
import socket
import ssl
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

DEFAULT_ROOT = Path(__file__).resolve().parent.parent / "fixtures" / "sites"


def mirror_path(root: Path, host: str, path: str, query: str = "") -> Path:
    """The file a URL maps to (see the module docstring)."""
    host = host.lower().split(":")[0]
    parts = [p for p in path.split("/") if p not in ("", ".", "..")]
    target = root.joinpath(host, *parts)
    if path.endswith("/") or not parts or target.is_dir():
        target = target / "index.html"
    if query:
        normalized = urlencode(sorted(parse_qsl(query, keep_blank_values=True)))
        target = target.with_name(f"{target.name}@{normalized}")
    return target


def _self_signed(directory: Path, hosts: list[str]) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "saring-mirror")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(h) for h in hosts or ["localhost"]]),
                           critical=False)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = directory / "mirror.crt", directory / "mirror.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                                           serialization.NoEncryption()))
    return cert_file, key_file


class MirrorServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, root: Path, port: int = 0, quiet: bool = True) -> None:
        self.root = Path(root)
        self.quiet = quiet
        self.served: list[tuple[str, int]] = []
        self._counts: dict[Path, int] = {}
        self._lock = threading.Lock()
        self._certs = tempfile.TemporaryDirectory(prefix="saring-mirror-")
        hosts = sorted(p.name for p in self.root.iterdir() if p.is_dir()) if self.root.is_dir() else []
        cert, key = _self_signed(Path(self._certs.name), hosts)
        self.tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.tls.load_cert_chain(cert, key)
        super().__init__(("127.0.0.1", port), _Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def next_status(self, target: Path) -> int | None:
        """The scripted status for this request of `target`, if its `.responses` file still has one."""
        script = target.with_name(target.name + ".responses")
        if not script.exists():
            return None
        with self._lock:
            count = self._counts.get(target, 0)
            self._counts[target] = count + 1
        statuses = json.loads(script.read_text())
        return statuses[count] if count < len(statuses) else None

    def server_close(self) -> None:
        super().server_close()
        self._certs.cleanup()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: MirrorServer
    tunnel_host: str | None = None

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - BaseHTTPRequestHandler's signature
        if not self.server.quiet:
            super().log_message(format, *args)

    def do_CONNECT(self) -> None:
        host = self.path.rsplit(":", 1)[0]
        self.send_response(200, "Connection established")
        self.end_headers()
        self.wfile.flush()
        try:
            tls = self.server.tls.wrap_socket(self.connection, server_side=True)
        except (ssl.SSLError, OSError):
            self.close_connection = True
            return
        self.connection = tls
        self.rfile = tls.makefile("rb", -1)
        self.wfile = tls.makefile("wb", 0)
        self.tunnel_host = host
        self.close_connection = False

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def do_GET(self) -> None:
        self._serve(head=False)

    def _serve(self, head: bool) -> None:
        if self.path.startswith(("http://", "https://")):
            parts = urlsplit(self.path)
            host, path, query = parts.hostname or "", parts.path, parts.query
            scheme_url = self.path
        else:
            parts = urlsplit(self.path)
            path, query = parts.path, parts.query
            if self.tunnel_host:
                host = self.tunnel_host
            else:
                segments = path.lstrip("/").split("/", 1)
                host, path = segments[0], "/" + (segments[1] if len(segments) > 1 else "")
            scheme_url = f"https://{host}{parts.path if self.tunnel_host else path}" + (f"?{query}" if query else "")
        target = mirror_path(self.server.root, host, path, query)
        status = self.server.next_status(target)
        body = b""
        headers = {}
        if status is not None:
            headers["Retry-After"] = "1"
            body = f"scripted {status}\n".encode()
        elif target.is_file():
            status = 200
            body = target.read_bytes()
        else:
            status = 404
            body = b"not in the mirror\n"
        self.server.served.append((scheme_url, status))
        self._send(status, body, headers, self._content_type(target, body, status), head)

    @staticmethod
    def _content_type(target: Path, body: bytes, status: int) -> str:
        name = target.name.split("@")[0]
        if status != 200:
            return "text/plain; charset=utf-8"
        if name == "robots.txt":
            return "text/plain; charset=utf-8"
        if body.lstrip()[:5] == b"<?xml":  # feeds and sitemaps are served at extension-less paths
            return "application/xml; charset=utf-8"
        if "." in name and not name.endswith((".html", ".htm")):
            return f"{mimetypes.guess_type(name)[0] or 'application/octet-stream'}; charset=utf-8"
        return "text/html; charset=utf-8"

    def _send(self, status: int, body: bytes, headers: dict[str, str], content_type: str, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        if not head:
            self.wfile.write(body)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(root: Path = DEFAULT_ROOT, port: int = 0, quiet: bool = True) -> MirrorServer:
    """Start a mirror in a background thread; call `.shutdown()` and `.server_close()` to stop it."""
    server = MirrorServer(root, port, quiet)
    threading.Thread(target=server.serve_forever, name="saring-mirror", daemon=True).start()
    return server
