"""Turn bytes of unknown encoding into text, sniffing the charset as browsers do.

Order: a byte-order mark (UTF-32 before UTF-16, whose BOM is a prefix of UTF-32 LE's); then UTF-8 when the
bytes are valid UTF-8 (a UTF-8 page declaring iso-8859-1 is still UTF-8: valid UTF-8 with non-ASCII bytes
is almost never anything else); then the given or declared charset if it decodes plausibly; then UTF-8 with
a per-byte cp1252 fallback for invalid sequences (a mixed UTF-8 + cp1252 page keeps its UTF-8 parts), which
never fails. Text full of control or replacement characters is refused (`NotText`): it is not text in any
charset we know, and cleaning it would make an "article" of garbage.
"""

from __future__ import annotations

import codecs
import re

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)

_CONTROLS = bytes(b for b in range(32) if b < 9 or b > 13)

#: Longest BOM first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
#: Labels browsers read as windows-1252 (WHATWG Encoding); Python's latin-1 would give C1 controls instead.
_AS_CP1252 = {"latin_1", "ascii", "cp1252", "iso8859_1"}
_WIDE = ("utf_16", "utf_32")
#: C0 controls other than white space, C1 controls, and U+FFFD: what a wrongly decoded text is full of.
_GARBAGE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
#: More than this share of garbage characters in the decoded text: not text.
GARBAGE_SHARE = 0.05


class NotText(ValueError):
    """The bytes are not text (a binary file, or text in no charset we can read), so there is nothing to
    clean."""


def _lookup(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name.replace("-", "_")
    except LookupError:
        return None


def bom_charset(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset a BOM, an XML declaration or an HTML <meta> declares, if Python knows it.

    A UTF-16/32 charset declared in ASCII-readable markup cannot be right (its own bytes would hold NULs),
    so, as the HTML standard says, it is read as UTF-8.
    """
    bom = bom_charset(data)
    if bom:
        return bom
    head = data[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if not match:
        return None
    name = _lookup(match.group(1).decode("ascii", "replace").lower())
    if name and name.startswith(_WIDE):
        return "utf_8"
    return name


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB mean this is not a text file."""
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROLS))
    return controls / len(sample) > 0.05


def garbage_share(text: str) -> float:
    """The share of control and replacement characters (see `_GARBAGE`) in a decoded text."""
    if not text:
        return 0.0
    return len(_GARBAGE.findall(text)) / len(text)


#: The same characters as UTF-8 bytes: C0 controls and DEL are single bytes no multi-byte sequence holds,
#: C1 controls are C2 80-9F, U+FFFD is EF BF BD.
_GARBAGE_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")


def utf8_garbage_count(data: bytes) -> int:
    """How many `_GARBAGE` characters the valid UTF-8 `data` decodes to, counted on the bytes (a fifth
    of the regex's pass over the decoded text, which a news page's size makes milliseconds)."""
    count = len(data) - len(data.translate(None, _GARBAGE_BYTES))
    return count + len(_C1_UTF8.findall(data)) + data.count(b"\xef\xbf\xbd")


def _plausible(text: str) -> bool:
    return garbage_share(text) <= GARBAGE_SHARE


def decode_bytes(data: bytes, charset: str | None = None) -> str:
    """Decode as browsers sniff (see the module docstring); `charset` is one given from outside (an HTTP
    header), ranked with the page's own declaration.

    Raises NotText for binary data and for bytes that decode only to garbage, so that callers can report
    it instead of cleaning garbage.
    """
    bom = bom_charset(data)
    if bom:
        text = data.decode(bom, "replace").removeprefix("\ufeff")
        return _checked(text, bom)
    wide = _lookup(charset)
    if wide and wide.startswith(_WIDE) and b"\x00" in data[:8192]:  # UTF-16/32 from outside, without a BOM
        try:
            text = data.decode(wide)
            if _plausible(text):
                return text
        except UnicodeDecodeError:
            pass
    if looks_binary(data):
        raise NotText("input is binary, not text or HTML")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        controls = len(data) - len(data.translate(None, _GARBAGE_BYTES))
        if controls + len(data) - len(text) <= GARBAGE_SHARE * len(text):
            # C1 controls and U+FFFD are multi-byte characters, and a text of len(text) characters in
            # len(data) bytes has at most len(data) - len(text) of those: no need to count them.
            return text
        return _checked(text, "utf-8", utf8_garbage_count(data))
    for name in (_lookup(charset), declared_charset(data)):
        if not name or name in _AS_CP1252 or name.startswith(("utf_8", *_WIDE)):
            continue  # cp1252 and broken UTF-8: the fallback below reads both
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        if _plausible(text):
            return text
    return _checked(data.decode("utf-8", "saring-cp1252"), "UTF-8 or cp1252")


def _checked(text: str, charset: str, garbage: int | None = None) -> str:
    """`text`, unless it is garbage; `garbage`: its count of garbage characters when already known."""
    share = garbage_share(text) if garbage is None else (garbage / len(text) if text else 0.0)
    if share > GARBAGE_SHARE:
        raise NotText(f"not text: undecodable as {charset} ({share:.0%} control or replacement characters)")
    return text


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the bytes of an invalid UTF-8 sequence, read as cp1252 (the five bytes cp1252
    leaves undefined as latin-1), so decoding cannot fail and valid UTF-8 around them stays UTF-8."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return _cp1252(error.object[error.start:error.end]), error.end


codecs.register_error("saring-cp1252", _cp1252_fallback)


def _cp1252(data: bytes) -> str:
    out = []
    for chunk in re.split(rb"([\x81\x8d\x8f\x90\x9d])", data):
        if len(chunk) == 1 and chunk in b"\x81\x8d\x8f\x90\x9d":
            out.append(chunk.decode("latin-1"))
        elif chunk:
            out.append(chunk.decode("cp1252"))
    return "".join(out)
