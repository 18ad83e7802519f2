"""CSS selection for the profiles' selectors, with the answers of lxml's `CSSSelector`.

`CSSSelector` turns each alternative of a selector list into an XPath walk over the whole scope with a
predicate per element, and libxml2 evaluates such a predicate in about 300 ns: a family's dozen selectors
(four or five alternatives each) cost 1-2 ms on a page whose parse takes 0.5 ms. A `PageIndex` lists the
page's elements by class word and by id once (an XPath walk over the `class` attributes, one over the `id`
ones), and evaluates a selector left to right on sets: each compound's candidates come from the index (or
from lxml's tag filter among the descendants or children of the previous compound's matches), and are
checked in Python (tag, ids, classes, attributes, the scope). On the family fixtures, the profile path's
selections take 0.51 ms a page this way, index included, and 0.85-1.14 ms through CSSSelector. What it does not handle (pseudo-classes, other combinators, namespaces,
attribute flags, the `$=`, `~=`, `|=` and `!=` operators) goes to lxml's XPath for that alternative.

The semantics are `CSSSelector`'s (tests/test_css.py compares them on the fixtures and on made-up
markup): matches are searched for in the scope element and its descendants, and a combinator's left side
must lie inside the scope too (`descendant-or-self::A/descendant::B`); class words are separated by XML
white space (space, tab, CR, LF), as `normalize-space` separates them; tags, classes and values are
case-sensitive; an empty `^=`/`*=` value matches nothing.

The index describes the tree as it was parsed: elements dropped later (`drop_tree`) are still listed,
but no longer lie inside the page, so a selection in the page never returns them (one inside a dropped
subtree finds what is in it, as CSSSelector does).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cmp_to_key, lru_cache

import cssselect
from lxml import etree
from lxml.cssselect import CSSSelector, LxmlTranslator

from .render import top_level


@lru_cache(maxsize=256)
def _selector(css: str) -> CSSSelector:
    return CSSSelector(css)


def select(tree: etree._Element, css: str) -> list[etree._Element]:
    """lxml's `CSSSelector(css)(tree)` (compiled once per selector); for one selection on a page. A page
    selected from many times is faster through a `PageIndex`."""
    return _selector(css)(tree) if css else []


class _Unsupported(Exception):
    """A selector outside the subset the index evaluates: lxml's XPath evaluates it."""


#: Attribute operators evaluated here (cssselect's names), with cssselect's meaning: `^=` and `*=` with an
#: empty value match nothing.
_OPERATORS = ("exists", "=", "^=", "*=")


@dataclass(frozen=True)
class _Compound:
    """A compound selector: `tag#id.class[attr...]` (`tag` None: any element)."""

    tag: str | None
    ids: tuple[str, ...]
    classes: tuple[str, ...]
    #: (name, operator, value) of each attribute condition.
    attributes: tuple[tuple[str, str, str | None], ...]


@dataclass(frozen=True)
class _Chain:
    """Compounds from left to right and the combinators between them (" " or ">")."""

    compounds: tuple[_Compound, ...]
    combinators: tuple[str, ...]


@dataclass(frozen=True)
class _Compiled:
    chains: tuple[_Chain, ...]
    #: The alternatives evaluated by lxml's XPath.
    fallback: etree.XPath | None


def _compound(tree: object) -> _Compound:
    ids: list[str] = []
    classes: list[str] = []
    attributes: list[tuple[str, str, str | None]] = []
    while True:
        kind = type(tree).__name__
        if kind == "Element":
            if tree.namespace is not None:  # type: ignore[attr-defined]
                raise _Unsupported("namespace")
            tag = tree.element  # type: ignore[attr-defined]
            break
        if kind == "Class":
            if not _plain(tree.class_name):  # type: ignore[attr-defined]
                raise _Unsupported("white space in a class name")  # (the index splits at it)
            classes.append(tree.class_name)  # type: ignore[attr-defined]
        elif kind == "Hash":
            ids.append(tree.id)  # type: ignore[attr-defined]
        elif kind == "Attrib":
            if tree.namespace is not None or getattr(tree, "flag", None) or tree.operator not in _OPERATORS:  # type: ignore[attr-defined]
                raise _Unsupported("attribute")
            value = tree.value.value if tree.value is not None else None  # type: ignore[attr-defined]
            attributes.append((tree.attrib, tree.operator, value))  # type: ignore[attr-defined]
        else:
            raise _Unsupported(kind)
        tree = tree.selector  # type: ignore[attr-defined]
    if tag is not None and not cssselect.xpath.is_safe_name(tag):
        raise _Unsupported("escaped name")
    for name, _, _ in attributes:
        if not cssselect.xpath.is_safe_name(name):
            raise _Unsupported("escaped name")
    return _Compound(tag, tuple(ids), tuple(classes), tuple(attributes))


def _chain(tree: object) -> _Chain:
    compounds: list[_Compound] = []
    combinators: list[str] = []
    while type(tree).__name__ == "CombinedSelector":
        if tree.combinator not in (" ", ">"):  # type: ignore[attr-defined]
            raise _Unsupported("combinator")
        compounds.append(_compound(tree.subselector))  # type: ignore[attr-defined]
        combinators.append(tree.combinator)  # type: ignore[attr-defined]
        tree = tree.selector  # type: ignore[attr-defined]
    compounds.append(_compound(tree))
    return _Chain(tuple(reversed(compounds)), tuple(reversed(combinators)))


@lru_cache(maxsize=256)
def compile_selector(css: str) -> _Compiled:
    """The selector list, each alternative as a chain of compounds or, outside the subset, as XPath.
    Raises cssselect's SelectorSyntaxError for what is not CSS, as CSSSelector does."""
    chains, other = [], []
    for selector in cssselect.parse(css):
        try:
            if selector.pseudo_element is not None:
                raise _Unsupported("pseudo-element")
            chains.append(_chain(selector.parsed_tree))
        except _Unsupported:
            other.append(selector)
    fallback = None
    if other:
        translator = LxmlTranslator()
        fallback = etree.XPath(" | ".join(translator.selector_to_xpath(s, prefix="descendant-or-self::",
                                                                       translate_pseudo_elements=True)
                                          for s in other))
    return _Compiled(tuple(chains), fallback)


_XML_SPACE = str.maketrans("\t\n\r", "   ")


@lru_cache(maxsize=4096)
def _words(value: str) -> frozenset[str]:
    """Class words as `normalize-space` separates them (not at a form feed or a no-break space); cached by
    value, as a site's templates repeat their class values from page to page."""
    return frozenset(value.translate(_XML_SPACE).split(" ")) - {""}


def _plain(name: str) -> bool:
    """A class name or value without any character `str.split` separates at (every XML white space is one)."""
    return bool(name) and len(name.split()) == 1 and name.split()[0] == name


_CLASSES = etree.XPath("//@class", smart_strings=True)
_IDS = etree.XPath("//@id", smart_strings=True)


def _document_order(a: etree._Element, b: etree._Element) -> int:
    """-1, 0 or 1 as `a` comes before, is, or comes after `b` in their tree."""
    if a is b:
        return 0
    path_a, path_b = [a, *a.iterancestors()][::-1], [b, *b.iterancestors()][::-1]
    for x, y in zip(path_a, path_b, strict=False):
        if x is not y:
            parent = x.getparent()
            if parent is None:  # two top-level elements
                tops = top_level(x)
                return -1 if y not in tops or tops.index(x) < tops.index(y) else 1
            return -1 if parent.index(x) < parent.index(y) else 1
    return -1 if len(path_a) < len(path_b) else 1


#: A selection with at most this many matches is put in document order by the matches' paths.
FEW_MATCHES = 8


class PageIndex:
    """The page's elements by class word and by id, for many selections on one page.

    Class values are split with `str.split`, which separates at every XML white space and at more (a
    no-break space): for a class name without such characters, the elements whose class has it as an XML
    word are among those listed under it; `_matches` checks the XML words."""

    def __init__(self, tree: etree._Element) -> None:
        self.root = tree
        #: Every element's place in document order, built for the first selection with many matches to
        #: order (a selection with a few is ordered by their paths: the page's hundreds of elements are
        #: not walked for two or three).
        self._position: dict[etree._Element, int] | None = None
        self._tops: list[etree._Element] | None = None
        self._words: dict[etree._Element, frozenset[str]] = {}
        self.by_class: dict[str, list[etree._Element]] = {}
        by_class = self.by_class
        for value in _CLASSES(tree):
            element = value.getparent()
            for word in value.split():
                found = by_class.get(word)
                if found is None:
                    by_class[word] = [element]
                elif found[-1] is not element:
                    found.append(element)
        self.by_id: dict[str, list[etree._Element]] = {}
        for value in _IDS(tree):
            self.by_id.setdefault(value, []).append(value.getparent())

    def select(self, context: etree._Element, css: str) -> list[etree._Element]:
        """What `CSSSelector(css)(context)` returns: the matches in `context` and inside it (and, for the
        sibling combinators lxml evaluates, after it), in document order."""
        if not css:
            return []
        compiled = compile_selector(css)
        lists = []
        for chain in compiled.chains:
            found, ordered = self._chain(context, chain)
            if found:
                lists.append((found, ordered))
        if compiled.fallback is not None:
            found = compiled.fallback(context)
            if found:
                lists.append((found, True))  # (an XPath node-set: in document order)
        if not lists:
            return []
        if len(lists) == 1 and lists[0][1]:
            # One alternative found them (the usual case), already in document order: nothing to sort.
            return lists[0][0]
        every = set().union(*(found for found, _ in lists))
        if len(every) < 2:
            return list(every)
        if len(every) <= FEW_MATCHES and self._position is None:
            keys = [self._path(element) for element in every]
            if None not in keys:
                return [element for _, element in sorted(zip(keys, every, strict=True))]  # type: ignore[type-var]
        if self._position is None:  # document order, when a selection has several matches to put in it
            self._position = {element: index for index, element in enumerate(
                e for top in top_level(self.root) for e in top.iter(etree.Element))}
        position = self._position
        if all(element in position for element in every):
            return sorted(every, key=position.__getitem__)
        # (inside a subtree dropped before the positions were taken)
        return sorted(every, key=cmp_to_key(_document_order))

    def _path(self, element: etree._Element) -> tuple[int, ...] | None:
        """The element's place: the index of each element on its path from the top-level element among
        its siblings (in document order, as tuples compare); None inside a dropped subtree."""
        path = []
        child = element
        for parent in element.iterancestors():
            path.append(parent.index(child))
            child = parent
        if self._tops is None:
            self._tops = top_level(self.root)
        place = next((i for i, top in enumerate(self._tops) if top is child), None)
        if place is None:
            return None
        path.append(place)
        return tuple(reversed(path))

    def first(self, context: etree._Element, css: str) -> etree._Element | None:
        found = self.select(context, css)
        return found[0] if found else None

    def _chain(self, context: etree._Element, chain: _Chain) -> tuple[list[etree._Element], bool]:
        """The elements inside `context` matching the chain, left to right: each compound's matches among
        the descendants (or children) of the previous one's; without repeats, and whether they are known to
        be in document order (the index's lists and lxml's walks are; children of nested parents are not)."""
        matches = self._matches
        first = chain.compounds[0]
        indexed, ordered = self._indexed(first)
        if indexed is None:
            current = [e for e in (context.iter(first.tag) if first.tag else context.iter(etree.Element))
                       if matches(e, first)]
        else:
            inside = self._inside
            current = [e for e in indexed if matches(e, first) and inside(e, context)]
        for combinator, compound in zip(chain.combinators, chain.compounds[1:], strict=True):
            if not current:
                break
            indexed, listed_in_order = self._indexed(compound)
            if indexed is not None:
                ordered = listed_in_order
                parents = set(current)
                if combinator == ">":
                    current = [e for e in indexed if e.getparent() in parents and matches(e, compound)]
                else:
                    current = [e for e in indexed if matches(e, compound)
                               and any(a in parents for a in e.iterancestors())]
                continue
            tag = compound.tag or etree.Element
            if combinator == ">":
                # (one parent's children come in document order; several parents', when one holds
                # another, do not)
                ordered = len(current) == 1
                current = [c for p in current for c in p.iterchildren(tag) if matches(c, compound)]
            elif len(current) == 1:
                ordered = True
                current = [d for d in current[0].iterdescendants(tag) if matches(d, compound)]
            else:
                # The descendants of ancestors in document order, each taken once (a nested ancestor's
                # are its container's), come in document order.
                current = list(dict.fromkeys(d for a in current for d in a.iterdescendants(tag)
                                             if matches(d, compound)))
        return current, ordered

    def _indexed(self, compound: _Compound) -> tuple[list[etree._Element] | None, bool]:
        """The elements of the index that may match `compound` (a superset), or None when the index does
        not narrow it (no id or class condition: the tree's tag filter does); and whether that list is in
        document order without repeats (one list of the index is)."""
        if compound.ids:
            return self.by_id.get(compound.ids[0], []), True
        if compound.classes:
            if len(compound.classes) == 1:
                return self.by_class.get(compound.classes[0], []), True
            return min((self.by_class.get(word, []) for word in compound.classes), key=len), True
        for name, operator, value in compound.attributes:
            if operator in ("^=", "*=") and name in ("class", "id") and value and _plain(value):
                keys = self.by_class if name == "class" else self.by_id
                # (a value without white space lies inside one class word; an id is one whole value)
                test = str.startswith if operator == "^=" else str.__contains__
                lists = [found for key, found in keys.items() if test(key, value)]
                if len(lists) == 1:
                    return lists[0], True
                return list(dict.fromkeys(e for found in lists for e in found)), False
        return None, True

    def _matches(self, element: etree._Element, compound: _Compound) -> bool:
        if compound.tag is not None and element.tag != compound.tag:
            return False
        if compound.ids and any(element.get("id") != ident for ident in compound.ids):
            return False
        if compound.classes:
            words = self._words.get(element)
            if words is None:
                words = self._words[element] = _words(element.get("class") or "")
            if not words.issuperset(compound.classes):
                return False
        for name, operator, value in compound.attributes:
            actual = element.get(name)
            if actual is None:
                return False
            if operator == "=":
                if actual != value:
                    return False
            elif operator == "^=":
                if not value or not actual.startswith(value):
                    return False
            elif operator == "*=" and (not value or value not in actual):
                return False
        return True

    @staticmethod
    def _inside(element: etree._Element, context: etree._Element) -> bool:
        """`element` is `context` or lies inside it (a dropped element lies inside nothing of the page)."""
        # (a walk up by getparent: a third of the cost of an ancestor iterator, which is built per call)
        while element is not None:
            if element is context:
                return True
            element = element.getparent()
        return False
