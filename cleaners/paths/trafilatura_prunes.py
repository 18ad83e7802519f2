"""trafilatura's prune expressions, the same elements found in the same order, at a fraction of the cost:
the raw-tree prunes (`RAW_TREE_PRUNE_XPATH`, then `REMOVE_COMMENTS_AND_LISTS_XPATH`), and in its main pass
the boilerplate discard (`OVERALL_DISCARD_XPATH`), the article-container expressions that test ids and
classes with regular expressions (`BODY_XPATH[0]`, `[2]` and `[3]`: the second and third are tried on a page
where the first two find nothing, as on many Indonesian news templates) and the image-caption discard
(`DISCARD_IMAGE_ELEMENTS`).

trafilatura's expressions test ids and classes with EXSLT regular expressions, which lxml answers by a call
into Python for every element tested: these cost about 9 ms on a Zyte page, a third of the generic
path. Here a walk over the elements looks at the attributes with the same patterns, compiled once, and for
the raw-tree prunes narrows the page first to the few containers whose id or class holds a word one of the
patterns needs. `tests/test_parse_equivalence.py` checks the results against trafilatura's own expressions
(trafilatura is pinned) on every bench page and on markup made to hit each alternative.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from lxml import etree
from trafilatura import main_extractor, xpaths

#: trafilatura 2.3.1 `xpaths.py`: `_COMMENTS_ID`, `_COMMENTS_CLASS` and the raw-tree patterns.
_COMMENTS_ID = "[Cc]omment(?!ary)|comol"
_COMMENTS_CLASS = re.compile("^[Cc]omment(?!ary)|(?:article|post)-comments")
_COMMENTS_ID_ANY = re.compile(f"^(?:{_COMMENTS_ID}|disqus_thread|dsq-comments)")
_COMMENTS_ID_LIST = re.compile(f"^(?:{_COMMENTS_ID})")
_APPENDED = re.compile("mvp-post-add-(?:box|wrap)|infinite-?scroll")
_APPENDED_STRICT = re.compile("mvp-post-add-(?:box|wrap)")

#: Every element the patterns but the share-buttons one can match holds one of these words in its id or
#: class (all the comment patterns but two hold "omment"). A necessary condition only: the patterns decide.
_NARROW_TAGS = ("div", "section", "aside", "details", "ol", "ul", "list")
_NARROW_WORDS = re.compile("omment|comol|disqus_thread|mvp-post-add-|infinite")
_SHARE_CLASS = "elementor-share-buttons"


def _narrow(root: etree._Element) -> list[etree._Element]:
    """The elements the patterns may match, in document order (a walk of the containers in C, their two
    attributes looked at in Python: a fifth of an XPath of `contains()` tests over the page)."""
    found = []
    for element in root.iterdescendants(*_NARROW_TAGS):
        ident, cls = element.get("id"), element.get("class")
        if (ident and _NARROW_WORDS.search(ident)) or (cls and (_NARROW_WORDS.search(cls) or _SHARE_CLASS in cls)):
            found.append(element)
    return found


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
    return element.tag in _APPENDED_TAGS and _SHARE_CLASS in (element.get("class") or "")


def _comments(element: etree._Element) -> bool:
    """REMOVE_COMMENTS_AND_LISTS_XPATH[0]: a comment section, or a list of comments."""
    tag = element.tag
    if tag not in _COMMENT_TAGS:
        return False
    ident, cls = element.get("id") or "", element.get("class") or ""
    in_class = bool(_COMMENTS_CLASS.search(cls))
    if not (in_class or _COMMENTS_ID_ANY.search(ident)):
        return False
    return tag not in ("ol", "ul") or in_class or bool(_COMMENTS_ID_LIST.search(ident))


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
    narrowed = _narrow(root)

    def stage(test: Callable[[etree._Element], bool]) -> Stage:
        return lambda tree: [e for e in narrowed if test(e) and _attached(e, tree)]

    return [stage(_appended), stage(_share_buttons), *([stage(_comments)] if comments else [])]


# --- OVERALL_DISCARD_XPATH (trafilatura 2.3.1 `xpaths.py`, the patterns as its `_alt()` joins them) ---------

_DISCARD_TAGS = frozenset({"div", "item", "list", "p", "section", "span"})
_DISCARD_BOTH = ("^shar|social|viral|newsletter|syndication|tags|sidebar|banner|bread-?crumb|button|author")
_DISCARD_ID = re.compile(_DISCARD_BOTH + "|^(?:jp-|dpsp-content)|bmdh|footer|Footer|share|Share|nav|Nav|menu|"
                         "related|message-container|premium|^ad-")
_DISCARD_CLASS = re.compile(
    _DISCARD_BOTH + "|^(?:nav|post-nav|ZendeskForm)|subnav|avigation|navbar|navbox|menu|bar| ad |-ad-|(?:^| )ad-|"
    "dfp[Aa]d|outbrain|taboola|criteo|paid-?content|widget|footer|Footer|byline|Byline|share-|sociable|embedded|"
    "embed|tag-list|consent|modal-content|permission|elated|next-|-stories|most-popular|more-on|meta|rating|"
    "attachment|timestamp|user-info|user-profile|-icon|article-infos|message-container|slide|viewport|overlay|"
    "options|expand|obfuscated|blurred|mol-factbox|yin|zlylin|nfoline")
_HIDDEN_ID = re.compile("reader-comments|akismet")
_HIDDEN_CLASS = re.compile("^hide-|comments-title|nocomments|-reply-|message|akismet|suggest-links|-hide-|"
                           "hide-print| hidden| hide|noprint|notloaded")


def _first_of(element: etree._Element, first: str | None, a: str, second: str | None, b: str) -> str:
    """The string value of XPath's `@a|@b`: the attribute that comes first in the element's markup."""
    if first is None or second is None:
        return (first if second is None else second) or ""
    for name, value in element.items():
        if name in (a, b):
            return value
    return ""  # pragma: no cover - both are there


def _is_boilerplate(element: etree._Element, ident: str | None, cls: str | None) -> bool:
    """OVERALL_DISCARD_XPATH[0]: navigation, share bars, footers, ads, related boxes and the like."""
    if element.get("data-lp-replacement-content") is not None:
        return True
    role, component = element.get("role"), element.get("data-component")
    if (role and "nav" in role.replace("N", "n")) or (component and "MostPopularStories" in component):
        return True
    if ((ident and "cookie" in ident) or (cls and "cookie" in cls)) and "cookie" in _first_of(
            element, ident, "id", cls, "class"):
        return True
    return bool((ident and _DISCARD_ID.search(ident)) or (cls and _DISCARD_CLASS.search(cls)))


def _is_hidden(element: etree._Element, ident: str | None, cls: str | None) -> bool:
    """OVERALL_DISCARD_XPATH[1]: comment titles and replies, hidden and print-less elements."""
    if cls == "comments-title" or element.get("aria-hidden") == "true":
        return True
    if ((ident and ident.startswith("reply-")) or (cls and cls.startswith("reply-"))) and _first_of(
            element, ident, "id", cls, "class").startswith("reply-"):
        return True
    style = element.get("style")
    if style and ("display:none" in style or "display: none" in style):
        return True
    if ((ident and "hidden" in ident) or (style and "hidden" in style)) and "hidden" in _first_of(
            element, ident, "id", style, "style"):
        return True
    return bool((ident and _HIDDEN_ID.search(ident)) or (cls and _HIDDEN_CLASS.search(cls)))


def _overall_discard(tree: etree._Element) -> list[etree._Element]:
    """What `dict.fromkeys` of OVERALL_DISCARD_XPATH's two expressions holds, in its order: the first
    one's elements, then the second one's others, each in document order."""
    first, second = [], []
    for element in tree.iterdescendants(etree.Element):
        ident, cls = element.get("id"), element.get("class")
        if element.tag in _DISCARD_TAGS and _is_boilerplate(element, ident, cls):
            first.append(element)
        elif _is_hidden(element, ident, cls):
            second.append(element)
    return first + second


# --- BODY_XPATH[0]: the article-content container -----------------------------------------------------------

_BODY_TAGS = ("article", "div", "main", "section")
_BODY_ID = re.compile("(?:entry|article|art)-content|article__content|article(?:-|__)?body|articleBody|body-text")
_BODY_CLASS = re.compile(
    "post[-_]text|post-body|post-?entry|post[-_]?content|postContent|post_inner_wrapper|article-?text|articleText|"
    "(?:entry|page|text|article|art)-content|article__content|article(?:-|__)?body|articleBody|ArticleContent|"
    "body-text|article__container")


def _article_content(tree: etree._Element) -> list[etree._Element]:
    """The first element (in document order) that BODY_XPATH[0] finds, which is all its one user
    (`_extract`: `next(s for s in expr(tree) if s is not None)`) reads."""
    for element in tree.iterdescendants(*_BODY_TAGS):
        ident, cls = element.get("id"), element.get("class")
        if (cls in ("post", "entry") or ident == "articleContent" or element.get("itemprop") == "articleBody"
                or (ident and _BODY_ID.search(ident)) or (cls and _BODY_CLASS.search(cls))):
            return [element]
    return []


# --- BODY_XPATH[2] and [3]: the story and main-content containers, tried when the first two find nothing ----

_STORY_IDS = frozenset({"article", "story"})
_STORY_CLASSES = frozenset({"postarea", "art-postcontent", "text", "cell", "story"})
_STORY_ID = re.compile(xpaths._alt(xpaths._STORY_ID_TOKENS))
_FULLTEXT = re.compile("fulltext", re.I)
_STORY_CLASS = re.compile(xpaths._alt(xpaths._STORY_CLASS_TOKENS))
_MAIN_ID = re.compile(xpaths._alt(xpaths._MAIN_CONTENT_ID_TOKENS))
_MAIN_CLASS = re.compile(xpaths._alt(xpaths._MAIN_CONTENT_CLASS_TOKENS))
#: XPath's `translate(., 'CM', 'cm')` and `translate(., 'CP', 'cp')`.
_CM, _CP = str.maketrans("CM", "cm"), str.maketrans("CP", "cp")


def _story_content(tree: etree._Element) -> list[etree._Element]:
    """BODY_XPATH[2]'s element (the first in document order). An absent attribute is the empty string to
    `re:test`, which none of the patterns matches, so it is passed over."""
    for element in tree.iterdescendants(*_BODY_TAGS):
        ident, cls = element.get("id"), element.get("class")
        if (element.get("role") == "article" or ident in _STORY_IDS or cls in _STORY_CLASSES
                or (ident and _STORY_ID.search(ident))
                or (cls and (_FULLTEXT.search(cls) or _STORY_CLASS.search(cls)))):
            return [element]
    return []


def _main_content(tree: etree._Element) -> list[etree._Element]:
    """BODY_XPATH[3]'s element (the first in document order)."""
    for element in tree.iterdescendants(*_BODY_TAGS):
        ident, cls = element.get("id"), element.get("class")
        if (ident == "content" or cls == "content"
                or (ident and (_MAIN_ID.search(ident) or "main-content" in ident.translate(_CM)))
                or (cls and (_MAIN_CLASS.search(cls) or "main-content" in cls.translate(_CM)
                             or "page-content" in cls.translate(_CP)))):
            return [element]
    return []


def _image_captions(tree: etree._Element) -> list[etree._Element]:
    """DISCARD_IMAGE_ELEMENTS[0]: image captions (the main pass keeps no images)."""
    return [e for e in tree.iterdescendants(*_DISCARD_TAGS)
            if "caption" in (e.get("id") or "") or "caption" in (e.get("class") or "")]


_PYTHON_DISCARD = [_overall_discard]
_PYTHON_BODY = [_article_content, main_extractor.BODY_XPATH[1], _story_content, _main_content,
                *main_extractor.BODY_XPATH[4:]]
_PYTHON_IMAGES = [_image_captions]
_NAMES = ("OVERALL_DISCARD_XPATH", "BODY_XPATH", "DISCARD_IMAGE_ELEMENTS")
#: Calls inside `main_pass_in_python` (from any thread), and what the module held before the first.
_SWAP_LOCK = threading.Lock()
_swap_depth = 0
_swapped_out: tuple = ()


@contextmanager
def main_pass_in_python() -> Iterator[None]:
    """Within: trafilatura's main pass prunes with `_overall_discard` (its only use of
    OVERALL_DISCARD_XPATH is `prune_unwanted_nodes(tree, OVERALL_DISCARD_XPATH, with_backup=True)`, which
    takes any callables and keeps each element once), looks for the article container first with
    `_article_content`, and drops image captions with `_image_captions`.

    What the module held is put back when the last call inside ends (a count under a lock: calls from
    several threads overlap safely, and whatever a caller had set before is what comes back). A trafilatura
    call made elsewhere meanwhile gets the same elements from either."""
    global _swap_depth, _swapped_out
    with _SWAP_LOCK:
        if _swap_depth == 0:
            _swapped_out = tuple(getattr(main_extractor, name) for name in _NAMES)
            for name, value in zip(_NAMES, (_PYTHON_DISCARD, _PYTHON_BODY, _PYTHON_IMAGES), strict=True):
                setattr(main_extractor, name, value)
        _swap_depth += 1
    try:
        yield
    finally:
        with _SWAP_LOCK:
            _swap_depth -= 1
            if _swap_depth == 0:
                for name, value in zip(_NAMES, _swapped_out, strict=True):
                    setattr(main_extractor, name, value)
