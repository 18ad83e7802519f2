"""Turn bytes of unknown encoding into text without ever raising."""

from __future__ import annotations

import codecs
import re

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


_CONTROLS = bytes(b for b in range(32) if b < 9 or b > 13)


class NotText(ValueError):
    """The bytes are not text (a binary file), so there is nothing to clean."""


def declared_charset(data: bytes) -> str | None:
    """The charset a BOM, an XML declaration or an HTML <meta> declares, if Python knows it."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    head = data[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB mean this is not a text file."""
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROLS))
    return controls / len(sample) > 0.05


def decode_bytes(data: bytes, charset: str | None = None) -> str:
    """Decode with the given or declared charset, then UTF-8, then cp1252 (which never fails).

    Raises NotText for binary data, so that callers can report it instead of cleaning garbage.
    """
    if looks_binary(data) and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise NotText("input is binary, not text or HTML")
    for name in (charset, declared_charset(data), "utf-8"):
        if not name:
            continue
        try:
            return data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    # cp1252 leaves five bytes undefined; map those through latin-1 so this step cannot fail.
    return _cp1252(data)


def _cp1252(data: bytes) -> str:
    out = []
    for chunk in re.split(rb"([\x81\x8d\x8f\x90\x9d])", data):
        if len(chunk) == 1 and chunk in b"\x81\x8d\x8f\x90\x9d":
            out.append(chunk.decode("latin-1"))
        elif chunk:
            out.append(chunk.decode("cp1252"))
    return "".join(out)
