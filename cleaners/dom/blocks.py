"""HTML to text lines, the way a browser lays text out: block elements and <br> end a line.

Both the profile path and the text path then see the same kind of input: lines.
"""

from __future__ import annotations

from lxml import etree

#: Elements whose text flows inside a line.
INLINE = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark", "q", "s",
    "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "label",
})
#: Table cells: a row's cells are one line ("Penulis | : Nama" -> "Penulis : Nama").
CELLS = frozenset({"td", "th"})
#: Elements whose content is never text of the page.
SKIP = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "button", "select", "input", "head"})


class _Lines:
    def __init__(self, stop_at: etree._Element | None) -> None:
        self.stop_at = stop_at
        self.parts: list[list[str]] = [[]]  # lines before, inside, after `stop_at`
        #: The text of the line being laid out (one list for the whole walk: `flush` empties it).
        self.buffer: list[str] = []

    def flush(self) -> None:
        buffer = self.buffer
        if buffer:
            line = " ".join("".join(buffer).split())
            if line:
                self.parts[-1].append(line)
            buffer.clear()

    def walk(self, element: etree._Element) -> None:
        # (the hot loop of the profile path's layout: names bound locally, the tag tests by frequency)
        buffer, flush, walk, stop_at = self.buffer, self.flush, self.walk, self.stop_at
        append = buffer.append
        if element.text:
            append(element.text)
        for child in element:
            tag = child.tag
            if tag.__class__ is not str:  # comments and processing instructions
                pass
            elif tag in INLINE:
                if child is stop_at:
                    self._enter(child)
                else:
                    walk(child)
            elif tag == "br":
                if buffer:
                    flush()
            elif tag in SKIP:
                pass
            elif child is stop_at:
                self._enter(child)
            elif tag in CELLS:  # the cells of a table row stand side by side on one line
                append(" ")
                walk(child)
                append(" ")
            else:  # (flush only a line with text: most blocks start and end with an empty buffer)
                if buffer:
                    flush()
                walk(child)
                if buffer:
                    flush()
            if child.tail:
                append(child.tail)

    def _enter(self, child: etree._Element) -> None:
        """`stop_at`'s lines, in a part of their own."""
        self.flush()
        self.parts.append([])
        self.walk(child)
        self.flush()
        self.parts.append([])


def element_lines(element: etree._Element) -> list[str]:
    """The text lines of an element."""
    reader = _Lines(None)
    reader.walk(element)
    reader.flush()
    return reader.parts[0]


def split_lines(root: etree._Element, inner: etree._Element) -> tuple[list[str], list[str], list[str]]:
    """Lines of `root` before `inner`, of `inner`, and after it (`inner` must be inside `root`)."""
    reader = _Lines(inner)
    reader.walk(root)
    reader.flush()
    parts = reader.parts + [[], [], []]
    return parts[0], parts[1], parts[2]
