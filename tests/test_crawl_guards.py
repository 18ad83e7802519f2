"""The request guard and the strict decompression, line by line as README "Guarantees" states them (the
crawl-level behaviour against a misbehaving server is in test_crawl_safety.py)."""

from __future__ import annotations

import gzip
import zlib

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.utils._compression import brotli, zstd
from scrapy.utils.test import get_crawler

from crawler import settings as project_settings
from crawler.middlewares import RequestPolicy, StrictHttpCompressionMiddleware, is_private_host

POLICY = RequestPolicy.for_urls(["https://www.contoh-berita.id/berita/1"])


@pytest.mark.parametrize("host", ["127.0.0.1", "127.1", "2130706433", "0x7f000001", "[::1]", "::1",
                                  "[::ffff:127.0.0.1]", "localhost", "LOCALHOST.", "api.localhost", "10.0.0.7",
                                  "10.1", "192.168.1.1", "172.16.5.4", "169.254.169.254", "0.0.0.0", "fc00::1"])
def test_private_addresses_in_any_spelling(host):
    assert is_private_host(host)
    in_url = f"[{host}]" if ":" in host and not host.startswith("[") else host
    assert POLICY.refusal(f"http://{in_url}/x") == "private"


@pytest.mark.parametrize("host", ["contoh-berita.id", "8.8.8.8", "127-0-0-1.example.org", "localhost-news.id"])
def test_public_hosts_are_not_private(host):
    assert not is_private_host(host)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://www.contoh-berita.id/a", "data:text/html,<p>x</p>",
                                 "s3://bucket/key", "gopher://www.contoh-berita.id/"])
def test_other_schemes_are_refused_and_their_handlers_not_loaded(url):
    assert POLICY.refusal(url) == "scheme"
    assert {"file", "data", "ftp", "s3"} <= {k for k, v in project_settings.DOWNLOAD_HANDLERS.items() if v is None}


def test_the_given_hosts_and_their_www_twin_only():
    assert POLICY.refusal("https://contoh-berita.id/berita/2") is None
    assert POLICY.refusal("http://www.contoh-berita.id/berita/3") is None
    assert POLICY.refusal("https://www.contoh-berita.id:8443/berita/3") == "offsite"
    assert POLICY.refusal("https://cdn.contoh-berita.id/berita/3") == "offsite"
    assert POLICY.refusal("https://www.contoh-berita.id.evil.example/x") == "offsite"
    local = RequestPolicy.for_urls(["http://127.0.0.1:8765/berita/1"])
    assert local.refusal("http://127.0.0.1:8765/berita/2") is None
    assert local.refusal("http://127.0.0.1:8766/berita/2") == "private"


BODY = ("<html><body>" + "<p>Paragraf berita yang cukup panjang untuk dikompresi.</p>" * 200
        + "</body></html>").encode()


def _deflate(data: bytes, wbits: int) -> bytes:
    compressor = zlib.compressobj(wbits=wbits)
    return compressor.compress(data) + compressor.flush()


ENCODED = {
    "gzip": gzip.compress(BODY),
    "deflate": _deflate(BODY, zlib.MAX_WBITS),
    "raw-deflate": _deflate(BODY, -zlib.MAX_WBITS),
    "br": brotli.compress(BODY),
    "zstd": zstd.compress(BODY),
}


def _decode(encoding: str, payload: bytes) -> HtmlResponse:
    crawler = get_crawler(settings_dict={"COMPRESSION_ENABLED": True})
    middleware = StrictHttpCompressionMiddleware.from_crawler(crawler)
    header = "deflate" if encoding == "raw-deflate" else encoding
    response = HtmlResponse("https://www.contoh-berita.id/berita/1", body=payload,
                            headers={"Content-Encoding": header, "Content-Type": "text/html"})
    return middleware.process_response(Request(response.url), response)


@pytest.mark.parametrize("encoding", sorted(ENCODED))
def test_a_whole_compressed_body_is_decoded(encoding):
    response = _decode(encoding, ENCODED[encoding])
    assert response.body == BODY and "truncated" not in response.flags


@pytest.mark.parametrize("encoding", sorted(ENCODED))
@pytest.mark.parametrize("cut", [0.5, 0.95])
def test_a_cut_compressed_body_is_flagged_truncated(encoding, cut):
    payload = ENCODED[encoding]
    response = _decode(encoding, payload[: int(len(payload) * cut)])
    assert "truncated" in response.flags
