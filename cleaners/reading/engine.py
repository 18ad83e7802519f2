"""The reading engine: every line of a page gets one role.

The page is read as news templates print it: chrome, [kicker], title, [summary], bylines and dates,
[image credit and caption], body paragraphs with inserts, then the tail (pagination, source, tags,
footers, related lists), where the body has ended but metadata may still stand. The text path reads a
whole page text this way; the profile path hands `BlockReader` the lines of the body container and of
the article root after it, once the DOM has given the header fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import recognise as R
from ..record import Article
from ..rules import Action
from ..rules.metrics import is_short, link_list_indexes, word_count
from ..sites.profile import SiteProfile
from ..urls import path_of, slug_words
from .lines import Line, Role, prepare_lines

#: How far down the page the title may stand (in non-empty lines).
TITLE_WINDOW = 30
#: A line longer than this is never taken as the title.
MAX_TITLE_CHARS = 300
#: A standfirst is a sentence, not a label.
SUMMARY_MIN_WORDS = 8
#: Subheadings are short and carry no sentence punctuation.
SUBHEADING_MAX_WORDS = 14


@dataclass
class Page:
    lines: list[Line]
    profile: SiteProfile | None
    url: str | None
    article: Article
    byline: R.Byline = field(default_factory=R.Byline)

    @property
    def outlets(self) -> re.Pattern[str] | None:
        return self.profile.outlets if self.profile else None



def read_text(text: str, profile: SiteProfile | None, url: str | None, article: Article) -> Page:
    """Read a whole page text into `article`; returns the page with every line's role."""
    page = Page(prepare_lines(text.splitlines(), profile), profile, url, article)
    _read(page)
    return page


def _is_free(line: Line) -> bool:
    """Not claimed by a boilerplate rule or as chrome, and not a metadata line."""
    return line.rule is None and line.role is None and not line.byline and line.dated is None


def _headline_like(text: str) -> bool:
    return is_short(text, 40) and word_count(text) >= 5 and not text.endswith(".") and not R.has_photo_credit(text)


def _find_title(page: Page) -> int | None:
    window = [i for i, ln in enumerate(page.lines[:TITLE_WINDOW]) if _is_free(ln)]
    if not window:
        return None
    slug = set(slug_words(page.url, page.profile.slug_id if page.profile else None))
    if len(slug) >= 3:
        def overlap(i: int) -> float:
            words = set(re.findall(r"\w+", page.lines[i].text.lower()))
            return len(slug & words) / len(slug)

        best = max(window, key=lambda i: (overlap(i), -i))
        if overlap(best) >= 0.6:
            return best
    fallback = window[0] if len(page.lines[window[0]].text) <= MAX_TITLE_CHARS else None
    return next((i for i in window if _headline_like(page.lines[i].text)), fallback)


def _read(page: Page) -> None:
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
    article.authors = R.unique(page.byline.authors)
    article.editors = R.unique(page.byline.editors)


def _read_above_title(page: Page, title_at: int) -> None:
    """Chrome, a caption printed before the title, and a kicker (a topic label) right above it."""
    article = page.article
    above = page.lines[title_at - 1] if title_at > 0 else None
    if page.profile and page.profile.kicker_is_tag and above and _is_free(above) \
            and not above.text.endswith(".") and not R.has_photo_credit(above.text) and word_count(above.text) <= 8:
        above.role = Role.KICKER
        article.tags.append(above.text)
    for i, line in enumerate(page.lines[:title_at]):
        if line.role is Role.KICKER:
            continue
        if not _is_free(line):
            line.role = line.role or Role.CHROME
        elif article.image_caption is None and (
                R.has_photo_credit(line.text) or R.same_text(line.text, page.lines[i + 1].text)):
            # A caption shows its credit, or stands twice (the image's alt text, then the caption).
            line.role = Role.CAPTION
            article.image_caption = line.text
        elif R.same_text(line.text, article.image_caption):
            line.role = Role.CAPTION
        else:
            line.role = Role.CHROME


def _is_meta(page: Page, i: int) -> bool:
    if i >= len(page.lines):
        return False
    line = page.lines[i]
    image_block = page.profile.image_block if page.profile else None
    return line.byline or line.dated is not None or bool(image_block and image_block.match(line.text))


def _read_header(page: Page, start: int) -> int:
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
        elif R.same_text(text, article.title):
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
        elif R.has_photo_credit(text) and article.image_caption is None:
            line.role = Role.CAPTION
            article.image_caption = text
        elif R.same_text(text, article.image_caption):
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


def _take_byline(page: Page, i: int) -> int:
    """Parse the byline at line i; a role printed without a name takes the next line. Returns the next index."""
    lines = page.lines
    lines[i].role = Role.BYLINE
    parsed = R.parse_byline(lines[i].text, page.outlets)
    page.byline.authors.extend(parsed.authors)
    page.byline.editors.extend(parsed.editors)
    i += 1
    for role in parsed.open_roles:
        if i < len(lines) and _is_free(lines[i]) and word_count(lines[i].text) <= 6:
            R.add_names(page.byline, role, lines[i].text, page.outlets)
            lines[i].role = Role.BYLINE
            i += 1
    return i


def _take_date(page: Page, dated: R.DateLine) -> None:
    article, profile = page.article, page.profile
    found = dated.date
    if profile and profile.twelve_hour_clock_url and page.url:
        url_date = R.date_from_url(page.url, profile.url_date)
        if url_date and url_date.hour is not None and profile.twelve_hour_clock_url.search(path_of(page.url)):
            hours = [(url_date.hour + shift) % 24 for shift in profile.url_clock_shifts]
            found = R.resolve_12h_clock(found, hours)
    if dated.label and dated.separator in ("•", "·") or (
        dated.label and profile and profile.dated_byline_is_author and dated.separator in ("-", "–")
    ):
        page.byline.authors.extend(R.split_names(dated.label, page.outlets))
    if dated.updated:
        article.updated = article.updated or found.iso()
    elif article.published is None:
        article.published = found.iso()


def _take_image_block(page: Page, i: int) -> int:
    """After the image-block marker: an optional short credit line, then the caption."""
    lines, article = page.lines, page.article
    if i < len(lines) and _is_free(lines[i]) and R.is_credit_line(lines[i].text) and i + 1 < len(lines) \
            and _is_free(lines[i + 1]) and word_count(lines[i + 1].text) > 6:
        lines[i].role = Role.CREDIT
        i += 1
    if i < len(lines) and _is_free(lines[i]) and article.image_caption is None:
        lines[i].role = Role.CAPTION
        article.image_caption = lines[i].text
        i += 1
    return i


def _read_body(page: Page, start: int, stop: int | None = None) -> int:
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
                break  # templates print Penulis/Editor after the article: the body has ended
            i = _take_byline(page, i)
            continue
        elif body and (R.parse_source(text) or R.parse_tags_label(text) is not None):
            break  # "Sumber:" and "Topik"/"Tags" blocks follow the article
        elif word_count(text) <= 12 and (dated := line.dated) is not None:
            line.role = Role.DATE
            if article.published is None:
                _take_date(page, dated)
        elif any(R.same_text(text, h) for h in header_texts):
            line.role = Role.BOILERPLATE
        else:
            line.role = Role.BODY
            body.append(i)
        i += 1
    article.paragraphs = _assemble(page, body)
    return i


def _assemble(page: Page, body: list[int]) -> list[str]:
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
        if is_short(text, SUBHEADING_MAX_WORDS) and not R.has_photo_credit(text) \
                and not text.endswith((".", "!", "?", '"', "”", ":")):
            lines[index].role = Role.SUBHEADING
        paragraphs.append(text)
    return paragraphs


def _read_tail(page: Page, start: int) -> None:
    """After the body: source, tags and bylines may still stand among the footer blocks."""
    lines, article = page.lines, page.article
    i = start
    while i < len(lines):
        line, text = lines[i], lines[i].text
        line.role = line.role or Role.TAIL
        if line.byline:
            i = _take_byline(page, i)
            continue
        source = R.parse_source(text)
        tags = R.parse_tags_label(text)
        if source and article.source is None:
            line.role = Role.SOURCE
            article.source = source
        elif tags is not None and line.rule is None:
            line.role = Role.TAGS
            if tags:
                article.tags.extend(R.split_tags(tags))
            elif i + 1 < len(lines) and lines[i + 1].rule is None:
                lines[i + 1].role = Role.TAGS
                article.tags.extend(R.split_tags(lines[i + 1].text))
                i += 1
        i += 1


class BlockReader:
    """The text path's readers, for a page whose header the HTML profile has already read from the DOM.

    The HTML path hands it the text lines of the body container and of the article root after it.
    """

    def __init__(self, article: Article, profile: SiteProfile | None, url: str | None) -> None:
        self.page = Page([], profile, url, article)

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
        dated = R.parse_date_line(R.normalize_line(text))
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
        article.authors = R.unique(article.authors + byline.authors)
        article.editors = R.unique(article.editors + byline.editors)


