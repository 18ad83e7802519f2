"""An offline mirror of news sites on 127.0.0.1, for tests, benchmarks and the demo.

What it serves: each site family's fixture pages at their URLs (`url` and `mirror_urls` in the page's
expected JSON, `cleaners/sites/<family>/fixtures/`), the family's listings, robots.txt and scripted
responses under `cleaners/sites/<family>/fixtures/mirror/<host>/<path>`, and pages of sites no profile
knows under `testing/mirror/<host>/<path>`. `saring mirror DIR` serves a tree of your own instead.

How a URL maps to a file in such a tree:

- `https://<host>/a/b` -> `<host>/a/b`; a path ending in `/` (or empty) -> `<host>/a/b/index.html`, and a
  path that is also a folder -> `<host>/a/b/index.html`;
- a query string is appended after `@`: `https://<host>/a/b?page=2` -> `<host>/a/b@page=2` (parameters
  sorted, so `?b=1&a=2` and `?a=2&b=1` are the same file);
- `<file>.responses`, when present, is a JSON list of statuses served before the file itself
  (`[503]`: the first request gets 503 with `Retry-After: 1`, the next one the file);
- a missing file is a 404.

Which days it holds: the dated listings (files whose query has `date=`, such as a daily index page
`index-news@date=2024-11-5`) name them. `GET /_mirror/days` answers `{"<host>": ["2024-11-04", ...]}`,
`saring mirror` prints the range per host when it starts, and with `-s MIRROR_URL=` a crawl with `since`
but no `until` walks back from the mirror's last day instead of today (`MirrorMiddleware`): on the live
sites every day up to today is there, on the mirror only the days it holds.

The server is an HTTP proxy, so a crawler keeps the real URLs: plain `GET http://host/path` requests,
and `CONNECT host:443` tunnels whose TLS it terminates with a self-signed certificate made at start-up
(crawlers that verify certificates must not be pointed at it). `GET /<host>/<path>` also works, for a
browser. Only 127.0.0.1 is ever bound.
"""

from __future__ import annotations

import datetime
import json
import logging
import mimetypes
import re
import socket
import ssl
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Request

from .fixtures import site_fixtures

#: Pages of sites no profile knows (the `news` spider's generic path).
OTHER_SITES = Path(__file__).resolve().parent / "mirror"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
#: Where the mirror says which days it holds (not a host's path: `_mirror` is no host name).
DAYS_PATH = "/_mirror/days"
_DATE = re.compile(r"(?:^|&)date=(\d{4})-(\d{1,2})-(\d{1,2})(?:&|$)")

logger = logging.getLogger(__name__)


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


def listing_day(relative: Path) -> tuple[str, str] | None:
    """(host, ISO day) of a mirror file that is a dated listing (`<host>/...@...date=Y-M-D...`), else None."""
    parts = relative.parts
    if len(parts) < 2 or "@" not in parts[-1]:
        return None
    found = _DATE.search(parts[-1].split("@", 1)[1])
    if not found:
        return None
    try:
        day = datetime.date(*map(int, found.groups()))
    except ValueError:
        return None
    return parts[0], day.isoformat()


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


def bundled_site() -> tuple[list[Path], dict[str, Path]]:
    """The roots and the page index of the bundled mirror: every family's fixtures and listings."""
    roots = [f.mirror_dir for f in site_fixtures() if f.mirror_dir.is_dir()]
    pages = {}
    for fixture in site_fixtures():
        for url in fixture.mirror_urls:
            parts = urlsplit(url)
            pages[str(mirror_path(Path(), parts.hostname or "", parts.path, parts.query))] = fixture.html_path
    return [*dict.fromkeys(roots), OTHER_SITES], pages


class MirrorServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, roots: list[Path] | None = None, port: int = 0, quiet: bool = True,
                 pages: dict[str, Path] | None = None) -> None:
        """Serve `roots` (trees of <host>/<path> files, first match wins) and `pages` (a relative mirror path
        -> file index); without roots, the bundled mirror of the fixture sites."""
        if roots is None:
            roots, bundled = bundled_site()
            pages = {**bundled, **(pages or {})}
        self.roots = [Path(r) for r in roots]
        self.pages = pages or {}
        self.quiet = quiet
        self.served: list[tuple[str, int]] = []
        #: (URL, User-Agent header) of every request.
        self.agents: list[tuple[str, str | None]] = []
        self._counts: dict[Path, int] = {}
        self._lock = threading.Lock()
        self._certs = tempfile.TemporaryDirectory(prefix="saring-mirror-")
        hosts = {p.name for root in self.roots if root.is_dir() for p in root.iterdir() if p.is_dir()}
        hosts |= {Path(key).parts[0] for key in self.pages}
        cert, key = _self_signed(Path(self._certs.name), sorted(hosts))
        self.tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.tls.load_cert_chain(cert, key)
        super().__init__(("127.0.0.1", port), _Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def days(self) -> dict[str, list[str]]:
        """The days each host's dated listings hold (see the module docstring), sorted."""
        found: dict[str, set[str]] = {}
        relatives = [Path(key) for key in self.pages]
        for root in self.roots:
            if root.is_dir():
                relatives += [path.relative_to(root) for path in root.rglob("*@*") if path.is_file()]
        for relative in relatives:
            dated = listing_day(relative)
            if dated:
                found.setdefault(dated[0], set()).add(dated[1])
        return {host: sorted(days) for host, days in sorted(found.items())}

    def locate(self, host: str, path: str, query: str) -> tuple[Path, Path | None]:
        """The file for a URL (or None) and where its `.responses` script would be."""
        relative = mirror_path(Path(), host, path, query)
        found = self.pages.get(str(relative))
        script = None
        for root in self.roots:
            target = mirror_path(root, host, path, query)
            candidate = target.with_name(target.name + ".responses")
            if script is None and candidate.is_file():
                script = candidate
            if found is None and target.is_file():
                found = target
        return (found if found is not None else relative), script

    def next_status(self, target: Path, script: Path | None) -> int | None:
        """The scripted status for this request of `target`, if its `.responses` file still has one."""
        if script is None:
            return None
        with self._lock:
            count = self._counts.get(target, 0)
            self._counts[target] = count + 1
        statuses = json.loads(script.read_text())
        return statuses[count] if count < len(statuses) else None

    def server_close(self) -> None:
        super().server_close()
        self._certs.cleanup()


class TunnelHandler(BaseHTTPRequestHandler):
    """An HTTP proxy's CONNECT: the tunnel is answered here, over TLS with the server's self-signed
    certificate (`server.tls`), so that https:// URLs reach this server as a proxy would pass them on."""

    tunnel_host: str | None = None

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


class _Handler(TunnelHandler):
    protocol_version = "HTTP/1.1"
    server: MirrorServer

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - BaseHTTPRequestHandler's signature
        if not self.server.quiet:
            super().log_message(format, *args)

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def do_GET(self) -> None:
        self._serve(head=False)

    def _serve(self, head: bool) -> None:
        if self.path == DAYS_PATH and not self.tunnel_host:
            body = json.dumps(self.server.days()).encode()
            self._send(200, body, {}, "application/json", head)
            return
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
        target, script = self.server.locate(host, path, query)
        status = self.server.next_status(target, script)
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
        self.server.agents.append((scheme_url, self.headers.get("User-Agent")))
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


def serve(roots: list[Path] | None = None, port: int = 0, quiet: bool = True) -> MirrorServer:
    """Start a mirror (by default the bundled one) in a background thread; call `.shutdown()` and
    `.server_close()` to stop it."""
    server = MirrorServer(roots, port, quiet)
    threading.Thread(target=server.serve_forever, name="saring-mirror", daemon=True).start()
    return server


def mirror_days(mirror_url: str, timeout: float = 10.0) -> dict[str, list[str]]:
    """The days a running mirror's dated listings hold, by host ({} when it cannot say)."""
    import urllib.error
    import urllib.request

    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # the mirror itself, not a proxy
    try:
        with opener.open(mirror_url.rstrip("/") + DAYS_PATH, timeout=timeout) as response:
            days = json.loads(response.read())
    except (OSError, ValueError, urllib.error.URLError):
        return {}
    return days if isinstance(days, dict) else {}


def _on_hosts(host: str, domains: list[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


class MirrorMiddleware:
    """With `-s MIRROR_URL=http://127.0.0.1:P`, every request for a real host goes through the offline mirror
    (`saring mirror`), used as an HTTP(S) proxy. Requests, responses, items and logs keep the real URLs;
    spiders do not know the mirror exists. (`crawler.addons.Mirror` enables it only when MIRROR_URL is set.)

    A crawl with `since` and no `until` walks back from the last day the mirror holds for the spider's hosts
    (when that is before today), as a user would with `-a until=`; the INFO log says so."""

    def __init__(self, mirror_url: str) -> None:
        self.mirror_url = mirror_url.rstrip("/")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> MirrorMiddleware:
        url = crawler.settings.get("MIRROR_URL")
        if not url:
            raise NotConfigured
        host = urlsplit(url).hostname
        if host not in LOOPBACK:
            raise NotConfigured(f"MIRROR_URL must be a loopback address, not {host}")
        middleware = cls(url)
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        return middleware

    def spider_opened(self, spider) -> None:
        """Before the start requests are made: end a `since` walk at the mirror's last day."""
        if not getattr(spider, "until_default", False):
            return
        domains = [d.lower() for d in getattr(spider, "allowed_domains", None) or []]
        held = [day for host, days in mirror_days(self.mirror_url).items() if _on_hosts(host, domains)
                for day in days]
        if not held:
            return
        last = datetime.date.fromisoformat(max(held))
        if last < spider.until:
            spider.until = max(last, spider.since)
            logger.info("offline mirror: its dated listings for %s end at %s; walking back from %s, not today "
                        "(-a until= to choose)", ", ".join(domains), last, spider.until)

    def process_request(self, request: Request) -> None:
        if urlsplit(request.url).hostname not in LOOPBACK:
            request.meta["proxy"] = self.mirror_url
