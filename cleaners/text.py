"""The text path: a page text (what a browser or another tool pulled out of the HTML) -> Article.

Every line gets one role. The page is read as news templates print it: chrome, [kicker], title,
[summary], bylines and dates, [image credit and caption], body paragraphs with inserts, then the tail
(pagination, source, tags, footers, related lists), where the body has ended but metadata may still stand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property

from . import lines as L
from .article import Article
from .boilerplate import Action, Rule, is_short, link_list_indexes, word_count
from .dates import date_from_url, resolve_12h_clock
from .finalize import finalize
from .lines import unique
from .sites import SiteProfile, find_profile
from .sites.profile import ruleset_for
from .urls import path_of, slug_words


class Role(Enum):
    CHROME = "chrome"
    KICKER = "kicker"
    TITLE = "title"
    SUMMARY = "summary"
    BYLINE = "byline"
    DATE = "date"
    CREDIT = "credit"
    CAPTION = "caption"
    BODY = "body"
    SUBHEADING = "subheading"
    BOILERPLATE = "boilerplate"
    SOURCE = "source"
    TAGS = "tags"
    TAIL = "tail"


#: How far down the page the title may stand (in non-empty lines).
TITLE_WINDOW = 30
#: A line longer than this is never taken as the title.
MAX_TITLE_CHARS = 300
#: A standfirst is a sentence, not a label.
SUMMARY_MIN_WORDS = 8
#: Subheadings are short and carry no sentence punctuation.
SUBHEADING_MAX_WORDS = 14


@dataclass
class Line:
    text: str
    rule: Rule | None = None
    role: Role | None = None

    @cached_property
    def byline(self) -> bool:
        return L.is_byline(self.text)

    @cached_property
    def dated(self) -> L.DateLine | None:
        return L.parse_date_line(self.text)


@dataclass
class _Page:
    lines: list[Line]
    profile: SiteProfile | None
    url: str | None
    article: Article
    byline: L.Byline = field(default_factory=L.Byline)


def clean_text(text: str, url: str | None = None) -> Article:
    """Clean a page text; `url`, when known, names the site family and the date the URL carries."""
    profile = find_profile(url, text)
    article = Article(url=url, site=profile.name if profile else None,
                      extractor=f"profile:{profile.name}" if profile else "generic")
    page = _Page(_prepare(text, profile), profile, url, article)
    _read(page)
    return finalize(article, profile)


def _prepare(text: str, profile: SiteProfile | None) -> list[Line]:
    return prepare_lines(text.splitlines(), profile)


def prepare_lines(raw_lines: list[str], profile: SiteProfile | None) -> list[Line]:
    rules = ruleset_for(profile)
    prepared = []
    for raw in raw_lines:
        line = L.normalize_line(raw)
        if not line:
            continue
        item = Line(line, rules.first_match(line))
        if item.rule is None and profile and profile.brand_lines and profile.brand_lines.match(line):
            item.role = Role.CHROME
        prepared.append(item)
    return prepared


def _is_free(line: Line) -> bool:
    """Not claimed by a boilerplate rule or as chrome, and not a metadata line."""
    return line.rule is None and line.role is None and not line.byline and line.dated is None


def _headline_like(text: str) -> bool:
    return is_short(text, 40) and word_count(text) >= 5 and not text.endswith(".") and not L.has_photo_credit(text)


def _find_title(page: _Page) -> int | None:
    window = [i for i, ln in enumerate(page.lines[:TITLE_WINDOW]) if _is_free(ln)]
    if not window:
        return None
    slug = set(slug_words(page.url))
    if len(slug) >= 3:
        def overlap(i: int) -> float:
            words = set(re.findall(r"\w+", page.lines[i].text.lower()))
            return len(slug & words) / len(slug)

        best = max(window, key=lambda i: (overlap(i), -i))
        if overlap(best) >= 0.6:
            return best
    fallback = window[0] if len(page.lines[window[0]].text) <= MAX_TITLE_CHARS else None
    return next((i for i in window if _headline_like(page.lines[i].text)), fallback)


def _read(page: _Page) -> None:
    lines, article = page.lines, page.article
    title_at = _find_title(page)
    if title_at is None:
        body_at = 0
    else:
        lines[title_at].role = Role.TITLE
        article.title = lines[title_at].text
        _read_above_title(page, title_at)
        body_at = _read_header(page, title_at + 1)
    end_at = _read_body(page, body_at)
    _read_tail(page, end_at)
    article.authors = unique(page.byline.authors)
    article.editors = unique(page.byline.editors)


def _read_above_title(page: _Page, title_at: int) -> None:
    """Chrome, a caption printed before the title (medcom), and a kicker right above it (Tribun)."""
    article = page.article
    above = page.lines[title_at - 1] if title_at > 0 else None
    if page.profile and page.profile.kicker_is_tag and above and _is_free(above) \
            and not above.text.endswith(".") and not L.has_photo_credit(above.text) and word_count(above.text) <= 8:
        above.role = Role.KICKER
        article.tags.append(above.text)
    for i, line in enumerate(page.lines[:title_at]):
        if line.role is Role.KICKER:
            continue
        if not _is_free(line):
            line.role = line.role or Role.CHROME
        elif article.image_caption is None and (
                L.has_photo_credit(line.text) or L.same_text(line.text, page.lines[i + 1].text)):
            # A caption shows its credit, or stands twice (the image's alt text, then the caption).
            line.role = Role.CAPTION
            article.image_caption = line.text
        elif L.same_text(line.text, article.image_caption):
            line.role = Role.CAPTION
        else:
            line.role = Role.CHROME


def _is_meta(page: _Page, i: int) -> bool:
    if i >= len(page.lines):
        return False
    line = page.lines[i]
    image_block = page.profile.image_block if page.profile else None
    return line.byline or line.dated is not None or bool(image_block and image_block.match(line.text))


def _read_header(page: _Page, start: int) -> int:
    """Summary, bylines, dates and the image block under the title. Returns where the body starts."""
    lines, article = page.lines, page.article
    image_block = page.profile.image_block if page.profile else None
    meta_seen = False
    i = start
    while i < len(lines):
        line, text = lines[i], lines[i].text
        if line.role is Role.CHROME or (line.rule and line.rule.action is Action.DROP):
            line.role = line.role or Role.BOILERPLATE
        elif line.rule and line.rule.action is Action.END:
            return i
        elif L.same_text(text, article.title):
            line.role = Role.BOILERPLATE  # the title again, as an image alt or share label
        elif line.byline:
            i = _take_byline(page, i)
            meta_seen = True
            continue
        elif (dated := line.dated) is not None:
            _take_date(page, dated)
            line.role = Role.DATE
            meta_seen = True
        elif image_block and image_block.match(text):
            line.role = Role.BOILERPLATE
            i = _take_image_block(page, i + 1)
            meta_seen = True
            continue
        elif L.has_photo_credit(text) and article.image_caption is None:
            line.role = Role.CAPTION
            article.image_caption = text
        elif L.same_text(text, article.image_caption):
            line.role = Role.CAPTION
        elif not meta_seen and (_is_meta(page, i + 1) or _is_meta(page, i + 2)):
            if article.summary is None and word_count(text) >= SUMMARY_MIN_WORDS:
                line.role = Role.SUMMARY
                article.summary = text
            else:
                line.role = Role.BOILERPLATE  # a label between title and byline ("Nama - Situs")
        else:
            return i
        i += 1
    return i


def _take_byline(page: _Page, i: int) -> int:
    """Parse the byline at line i; a role printed without a name takes the next line. Returns the next index."""
    lines = page.lines
    lines[i].role = Role.BYLINE
    parsed = L.parse_byline(lines[i].text)
    page.byline.authors.extend(parsed.authors)
    page.byline.editors.extend(parsed.editors)
    i += 1
    for role in parsed.open_roles:
        if i < len(lines) and _is_free(lines[i]) and word_count(lines[i].text) <= 6:
            L.add_names(page.byline, role, lines[i].text)
            lines[i].role = Role.BYLINE
            i += 1
    return i


def _take_date(page: _Page, dated: L.DateLine) -> None:
    article, profile = page.article, page.profile
    found = dated.date
    if profile and profile.twelve_hour_clock_url and page.url:
        url_date = date_from_url(page.url)
        if url_date and profile.twelve_hour_clock_url.search(path_of(page.url)):
            found = resolve_12h_clock(found, url_date.hour)
    if dated.label and dated.separator in ("•", "·") or (
        dated.label and profile and profile.dated_byline_is_author and dated.separator in ("-", "–")
    ):
        page.byline.authors.extend(L.split_names(dated.label))
    if dated.updated:
        article.updated = article.updated or found.iso()
    elif article.published is None:
        article.published = found.iso()


def _take_image_block(page: _Page, i: int) -> int:
    """After the image-block marker: an optional short credit line, then the caption."""
    lines, article = page.lines, page.article
    if i < len(lines) and _is_free(lines[i]) and L.is_credit_line(lines[i].text) and i + 1 < len(lines) \
            and _is_free(lines[i + 1]) and word_count(lines[i + 1].text) > 6:
        lines[i].role = Role.CREDIT
        i += 1
    if i < len(lines) and _is_free(lines[i]) and article.image_caption is None:
        lines[i].role = Role.CAPTION
        article.image_caption = lines[i].text
        i += 1
    return i


def _read_body(page: _Page, start: int, stop: int | None = None) -> int:
    """Body paragraphs from `start` to the first END block (or `stop`). Returns where the tail starts."""
    lines, article = page.lines, page.article
    header_texts = [article.title, article.summary, article.image_caption, *article.tags]
    body: list[int] = []
    stop = len(lines) if stop is None else stop
    i = start
    while i < stop:
        line, text = lines[i], lines[i].text
        if line.rule and line.rule.action is Action.END:
            break
        if line.role is Role.CHROME or line.rule:
            line.role = Role.BOILERPLATE
        elif line.byline:
            if body:
                break  # a byline after the paragraphs closes the article (kompas.tv)
            i = _take_byline(page, i)
            continue
        elif body and (L.parse_source(text) or L.parse_tags_label(text) is not None):
            break  # "Sumber:" and "Topik"/"Tags" blocks follow the article
        elif word_count(text) <= 12 and (dated := line.dated) is not None:
            line.role = Role.DATE
            if article.published is None:
                _take_date(page, dated)
        elif any(L.same_text(text, h) for h in header_texts):
            line.role = Role.BOILERPLATE
        else:
            line.role = Role.BODY
            body.append(i)
        i += 1
    article.paragraphs = _assemble(page, body)
    return i


def _assemble(page: _Page, body: list[int]) -> list[str]:
    """Drop link lists and repeated paragraphs; mark subheadings."""
    lines = page.lines
    keep = list(body)
    dropped = {keep[k] for k in link_list_indexes([lines[i].text for i in keep])}
    seen: set[str] = set()
    paragraphs = []
    for index in keep:
        text = lines[index].text
        key = text.casefold()
        if index in dropped or key in seen:
            lines[index].role = Role.BOILERPLATE
            continue
        seen.add(key)
        if is_short(text, SUBHEADING_MAX_WORDS) and not L.has_photo_credit(text) \
                and not text.endswith((".", "!", "?", '"', "”", ":")):
            lines[index].role = Role.SUBHEADING
        paragraphs.append(text)
    return paragraphs


def _read_tail(page: _Page, start: int) -> None:
    """After the body: source, tags and bylines may still stand among the footer blocks."""
    lines, article = page.lines, page.article
    i = start
    while i < len(lines):
        line, text = lines[i], lines[i].text
        line.role = line.role or Role.TAIL
        if line.byline:
            i = _take_byline(page, i)
            continue
        source = L.parse_source(text)
        tags = L.parse_tags_label(text)
        if source and article.source is None:
            line.role = Role.SOURCE
            article.source = source
        elif tags is not None and line.rule is None:
            line.role = Role.TAGS
            if tags:
                article.tags.extend(L.split_tags(tags))
            elif i + 1 < len(lines) and lines[i + 1].rule is None:
                lines[i + 1].role = Role.TAGS
                article.tags.extend(L.split_tags(lines[i + 1].text))
                i += 1
        i += 1


class BlockReader:
    """The text path's readers, for a page whose header the HTML profile has already read from the DOM.

    The HTML path hands it the text lines of the body container and of the article root after it.
    """

    def __init__(self, article: Article, profile: SiteProfile | None, url: str | None) -> None:
        self.page = _Page([], profile, url, article)

    def take_byline_lines(self, lines: list[str]) -> None:
        """A byline element's lines ("Penulis: X | Editor: Y", "Reporter" then a name, "Name • date")."""
        page = self.page
        page.lines = prepare_lines(lines, page.profile)
        i = 0
        while i < len(page.lines):
            if page.lines[i].byline:
                i = _take_byline(page, i)
                continue
            if page.lines[i].dated:
                _take_date(page, page.lines[i].dated)
            i += 1

    def take_date_text(self, text: str) -> bool:
        dated = L.parse_date_line(L.normalize_line(text))
        if dated is None:
            return False
        _take_date(self.page, dated)
        return True

    def read(self, body_lines: list[str], tail_lines: list[str]) -> None:
        page = self.page
        page.lines = prepare_lines(body_lines, page.profile)
        stop = len(page.lines)
        page.lines += prepare_lines(tail_lines, page.profile)
        _read_tail(page, _read_body(page, 0, stop))

    def finish(self) -> None:
        article, byline = self.page.article, self.page.byline
        article.authors = unique(article.authors + byline.authors)
        article.editors = unique(article.editors + byline.editors)


def line_roles(text: str, url: str | None = None) -> list[tuple[str, str]]:
    """Debug view: every non-empty line with the role the text path gave it."""
    profile = find_profile(url, text)
    page = _Page(_prepare(text, profile), profile, url, Article(url=url))
    _read(page)
    return [(ln.role.value if ln.role else "unread", ln.text) for ln in page.lines]
