"""trafilatura's raw-tree prunes (`RAW_TREE_PRUNE_XPATH`, then `REMOVE_COMMENTS_AND_LISTS_XPATH`), the same
elements removed in the same order, in one pass over the page instead of three.

trafilatura's expressions test ids and classes with EXSLT regular expressions, which lxml answers by a call
into Python for every element of the page: three passes cost about 6 ms on a Zyte page, a fifth of the
generic path. Here one XPath of plain `contains()` tests (libxml2 alone) narrows the page to the elements
whose id or class holds a word every one of those patterns needs, and the patterns themselves are then
tested in Python on those few. `tests/test_raw_prune.py` checks the result against trafilatura's own
expressions (trafilatura is pinned) on every bench page and on markup made to hit each alternative.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

#: trafilatura 2.3.1 `xpaths.py`: `_COMMENTS_ID`, `_COMMENTS_CLASS` and the raw-tree patterns.
_COMMENTS_ID = "[Cc]omment(?!ary)|comol"
_COMMENTS_CLASS = re.compile("^[Cc]omment(?!ary)|(?:article|post)-comments")
_COMMENTS_ID_ANY = re.compile(f"^(?:{_COMMENTS_ID}|disqus_thread|dsq-comments)")
_COMMENTS_ID_LIST = re.compile(f"^(?:{_COMMENTS_ID})")
_APPENDED = re.compile("mvp-post-add-(?:box|wrap)|infinite-?scroll")
_APPENDED_STRICT = re.compile("mvp-post-add-(?:box|wrap)")

#: Every element any of the patterns can match holds one of these words in its id or class: "omment" (all
#: the comment patterns but two), "comol", "disqus_thread", "mvp-post-add-", "infinite",
#: "elementor-share-buttons". A necessary condition only: the patterns decide.
_NARROW = etree.XPath(
    ".//*[self::div or self::section or self::aside or self::details or self::ol or self::ul or self::list]["
    "contains(@id, 'omment') or contains(@id, 'comol') or contains(@id, 'disqus_thread') or "
    "contains(@id, 'mvp-post-add-') or contains(@id, 'infinite') or "
    "contains(@class, 'omment') or contains(@class, 'mvp-post-add-') or contains(@class, 'infinite') or "
    "contains(@class, 'elementor-share-buttons')]")

_APPENDED_TAGS = frozenset({"div", "section", "aside"})
_COMMENT_TAGS = frozenset({"div", "list", "section", "details", "ol", "ul"})

Stage = Callable[[etree._Element], list[etree._Element]]


def _appended(element: etree._Element) -> bool:
    """RAW_TREE_PRUNE_XPATH[0]: an infinite-scroll container of follow-up articles (without the page's
    `<h1>`, unless it is the theme's named box)."""
    ident, cls = element.get("id") or "", element.get("class") or ""
    if element.tag not in _APPENDED_TAGS or not (_APPENDED.search(ident) or _APPENDED.search(cls)):
        return False
    return (next(element.iterdescendants("h1"), None) is None
            or bool(_APPENDED_STRICT.search(ident) or _APPENDED_STRICT.search(cls)))


def _share_buttons(element: etree._Element) -> bool:
    """RAW_TREE_PRUNE_XPATH[1]."""
    return element.tag in _APPENDED_TAGS and "elementor-share-buttons" in (element.get("class") or "")


def _comments(element: etree._Element) -> bool:
    """REMOVE_COMMENTS_AND_LISTS_XPATH[0]: a comment section, or a list of comments."""
    tag = element.tag
    if tag not in _COMMENT_TAGS:
        return False
    ident, cls = element.get("id") or "", element.get("class") or ""
    if not (_COMMENTS_ID_ANY.search(ident) or _COMMENTS_CLASS.search(cls)):
        return False
    return tag not in ("ol", "ul") or bool(_COMMENTS_ID_LIST.search(ident) or _COMMENTS_CLASS.search(cls))


def _attached(element: etree._Element, root: etree._Element) -> bool:
    """Whether an element is still in the tree (an earlier stage may have removed an ancestor)."""
    parent = element.getparent()
    while parent is not None:
        element, parent = parent, parent.getparent()
    return element is root


def raw_prune_stages(root: etree._Element, comments: bool) -> list[Stage]:
    """The stages for `trafilatura.htmlprocessing.prune_unwanted_nodes(root, stages)`, each finding its
    elements when called, after the earlier stages' removals, as trafilatura's expressions do;
    `comments`: with the comment prune (trafilatura's, for a page that is not a forum thread)."""
    narrowed = _NARROW(root)

    def stage(test: Callable[[etree._Element], bool]) -> Stage:
        return lambda tree: [e for e in narrowed if test(e) and _attached(e, tree)]

    return [stage(_appended), stage(_share_buttons), *([stage(_comments)] if comments else [])]
