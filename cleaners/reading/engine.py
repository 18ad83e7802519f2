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
from ..rules.metrics import is_list_item, is_short, link_list_indexes, word_count
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
#: A title has at most this many words; a longer line is a paragraph.
MAX_TITLE_WORDS = 30
#: A title found by its place on the page (no URL slug to match) has at least this many words.
MIN_HEADLINE_WORDS = 5
#: A line of this many words that ends like a sentence is a paragraph (the body, a standfirst), not chrome.
PARAGRAPH_MIN_WORDS = 12
#: A standfirst is at most two sentences.
STANDFIRST_MAX_WORDS = 60
#: A caption is a sentence or two with its credit.
CAPTION_MAX_WORDS = 60


@dataclass
class Page:
    lines: list[Line]
    profile: SiteProfile | None
    url: str | None
    article: Article
    byline: R.Byline = field(default_factory=R.Byline)
    #: Names from "Laporan Wartawan <Outlet>, <Name>" lines: authors unless a byline names them already.
    reporters: list[str] = field(default_factory=list)
    #: A date printed above the title (some templates print it first): used when the header has none.
    date_above_title: R.DateLine | None = None

    @property
    def outlets(self) -> re.Pattern[str] | None:
        return self.profile.outlets if self.profile else None



def read_text(text: str, profile: SiteProfile | None, url: str | None, article: Article) -> Page:
    """Read a whole page text into `article`; returns the page with every line's role."""
    page = Page(prepare_lines(R.without_controls(text).splitlines(), profile), profile, url, article)
    _read(page)
    return page


def _is_free(line: Line) -> bool:
    """Not claimed by a boilerplate rule or as chrome, and not a metadata line."""
    return line.rule is None and line.role is None and not line.byline and line.dated is None


def _ends_like_paragraph(text: str) -> bool:
    """Ends with a full stop, maybe inside closing quotes (a headline may end with ? or !, not with a stop)."""
    return text.rstrip("\"”’')] ").endswith((".", "…"))


def _paragraph_like(text: str) -> bool:
    """A line of the body (or a standfirst): long, or a full sentence of some length."""
    words = word_count(text)
    return words > MAX_TITLE_WORDS or (words >= PARAGRAPH_MIN_WORDS and _ends_like_paragraph(text)) \
        or R.is_dateline_lead(text)


def _repeated(page: Page, i: int) -> bool:
    """The line stands twice in a row (an image's alt text, then its caption)."""
    lines = page.lines
    return (i + 1 < len(lines) and R.same_text(lines[i].text, lines[i + 1].text)) or (
        i > 0 and R.same_text(lines[i].text, lines[i - 1].text))


def _caption_like(page: Page, i: int) -> bool:
    text = page.lines[i].text
    return (R.has_photo_credit(text) and word_count(text) <= CAPTION_MAX_WORDS) or _repeated(page, i)


#: A link's call to action ("Klik untuk hasil lengkap", "CLICK FOR FULL RESULTS") is no headline, even when it
#: names what the URL slug names.
_CALL_TO_ACTION = re.compile(r"^(click|klik|tap|ketuk)\b", re.I)


def _title_shaped(page: Page, i: int) -> bool:
    """Could be a headline: free, short, not a sentence, a caption, a label, a link's call to action or a
    list item."""
    line = page.lines[i]
    text = line.text
    return (_is_free(line) and len(text) <= MAX_TITLE_CHARS and word_count(text) <= MAX_TITLE_WORDS
            and not _CALL_TO_ACTION.match(text)
            and word_count(text) >= 2 and not text.endswith((".", ":", ",", ";", "|")) and not _caption_like(page, i)
            and not R.is_photo_credit_line(text))


def _wrapped_from(page: Page, i: int) -> str:
    """The sentence that starts at line i, with the lines it goes on to in a hard-wrapped text (a line that
    ends inside a sentence, and a next line that starts in lower case)."""
    lines = page.lines
    parts = [lines[i].text]
    j = i
    while j + 1 < len(lines) and len(parts) < 8 and not _ends_sentence(lines[j].text) \
            and _continues_sentence(lines[j + 1].text):
        j += 1
        parts.append(lines[j].text)
    return " ".join(parts)


def _ends_sentence(text: str) -> bool:
    return text.rstrip("\"”’')] ").endswith((".", "…", "!", "?"))


def _continues_sentence(text: str) -> bool:
    """Starts in lower case with a word and goes on for a few words ("to her page to share the photos.")."""
    return bool(re.match(r"[^\W\d_]", text)) and text[0].islower() and word_count(text) >= 3 and \
        not text.split()[0][1:2].isupper()  # "iPhone", "eKTP", "detikNews": names, not a sentence going on


def _title_window(page: Page) -> int:
    """The title stands above the first paragraph (captions do not count): lines before this index. In a
    hard-wrapped text the first paragraph spans lines; it starts where a sentence goes on to the next."""
    limit = min(len(page.lines), TITLE_WINDOW)
    for i in range(limit):
        line = page.lines[i]
        if _is_free(line) and (_paragraph_like(line.text) or _paragraph_like(_wrapped_from(page, i))) \
                and not _caption_like(page, i):
            return i
    return limit


def _slug_match(page: Page, candidates: list[int]) -> int | None:
    """The candidate that says what the URL slug says (most of the slug's words, few others)."""
    slug = set(slug_words(page.url, page.profile.slug_id if page.profile else None))
    if len(slug) < 3:
        return None

    def score(i: int) -> tuple[float, float]:
        words = set(re.findall(r"\w+", page.lines[i].text.lower()))
        common = len(slug & words)
        return common / len(slug), common / max(len(words), 1)

    best, best_f = None, 0.0
    for i in candidates:
        recall, precision = score(i)
        if (recall >= 0.6 and precision >= 0.4) or (precision >= 0.8 and recall >= 0.3 and len(slug & set(
                re.findall(r"\w+", page.lines[i].text.lower()))) >= 4):
            f = 2 * recall * precision / (recall + precision)
            if f > best_f:
                best, best_f = i, f
    return best


def _next_read(page: Page, i: int) -> int | None:
    """The next line after i that is not claimed by a rule or as chrome."""
    for j in range(i + 1, min(len(page.lines), i + 6)):
        line = page.lines[j]
        if line.rule is None and line.role is None:
            return j
    return None


def _is_anchor(page: Page, i: int | None) -> bool:
    """A line that only stands under a headline: a byline, a date line, the image block or a caption with its
    credit, or the dateline lead that opens the body."""
    if i is None:
        return False
    text = page.lines[i].text
    return _is_meta(page, i) or bool(R.parse_opinion_byline(text)) or R.is_dateline_lead(text) or (
        _caption_like(page, i))


def _summary_shaped(text: str, title: str) -> bool:
    words = word_count(text)
    return words >= SUMMARY_MIN_WORDS and (
        _ends_like_paragraph(text) or words >= max(PARAGRAPH_MIN_WORDS, 1.3 * word_count(title)))


def _short_label(text: str, title: str) -> bool:
    """A label between headline and byline ("Nama Wartawan - Situs", "Situs TV"), shorter than the headline."""
    return word_count(text) <= 6 and word_count(text) < word_count(title) and not _ends_like_paragraph(text)


def _title_by_place(page: Page, candidates: list[int]) -> int | None:
    """The page's own heading: a headline directly above the header (byline, date, image) or above the
    dateline lead, with at most a standfirst between them."""
    lines = page.lines
    for i in candidates:
        text = lines[i].text
        if word_count(text) < MIN_HEADLINE_WORDS or R.has_photo_credit(text):
            continue
        nxt = _next_read(page, i)
        if _is_anchor(page, nxt):
            return i
        after = _next_read(page, nxt) if nxt is not None else None
        if nxt is not None and _is_anchor(page, after) and (
                _summary_shaped(lines[nxt].text, text) or _short_label(lines[nxt].text, text)):
            return i
    return None


def _find_title(page: Page) -> int | None:
    """A title only where the page text shows one: a short line above the first paragraph that matches the
    URL slug, or stands where templates print the headline. Otherwise none (the first lines stay body)."""
    limit = _title_window(page)
    candidates = [i for i in range(limit) if _title_shaped(page, i)]
    if not candidates:
        return None
    found = _slug_match(page, candidates)
    return found if found is not None else _title_by_place(page, candidates)


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
    if article.published is None and page.date_above_title is not None:
        _take_date(page, page.date_above_title)
    _finish_names(page)


def _finish_names(page: Page) -> None:
    article = page.article
    authors = R.unique(article.authors + page.byline.authors)
    for name in page.reporters:
        if not any(R.same_person(name, a) or R.same_person(a, name) for a in authors):
            authors.append(name)
    article.authors = R.unique(authors)
    article.editors = R.unique(article.editors + page.byline.editors)


#: Heading rules that may claim a topic label ("Berita Populer", "TERPOPULER"): right above the title such
#: a line is the kicker, not a widget heading (widgets do not stand between the chrome and the headline).
_KICKER_RULES = ("related", "recommendation")


def _kicker_at(page: Page, i: int) -> bool:
    """A short topic label right above the title (not a caption, a credit or the site's own name)."""
    if i < 0:
        return False
    line = page.lines[i]
    text = line.text
    claimed = line.rule is not None and line.rule.name not in _KICKER_RULES
    return (line.role is None and not claimed and line.byline is False and line.dated is None
            and not text.endswith(".") and not R.has_photo_credit(text) and not R.is_photo_credit_line(text)
            and not _repeated(page, i) and 0 < word_count(text) <= 8)


def _read_above_title(page: Page, title_at: int) -> None:
    """Chrome, a caption or a date printed before the title, and a kicker (a topic label) right above it."""
    article = page.article
    if page.profile and page.profile.kicker_is_tag and _kicker_at(page, title_at - 1):
        above = page.lines[title_at - 1]
        above.role = Role.KICKER
        above.rule = None
        article.tags.append(above.text)
    for i, line in enumerate(page.lines[:title_at]):
        if line.role is Role.KICKER:
            continue
        if line.dated is not None and line.rule is None and line.role is None and title_at - i <= 3:
            line.role = Role.DATE  # some templates print the date above the headline
            page.date_above_title = line.dated
        elif not _is_free(line):
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


def _take_reporter(page: Page, i: int) -> bool:
    """A "Laporan Wartawan <Outlet>, <Name>" line: its names are the reporters (not body)."""
    names = R.parse_reporter_line(page.lines[i].text, page.outlets)
    if names is None:
        return False
    page.reporters.extend(names)
    page.lines[i].role = Role.BYLINE
    return True


def _take_opinion_byline(page: Page, i: int) -> bool:
    """An "Oleh <Name>, <role>" line: the writer of an opinion piece or column."""
    names = R.parse_opinion_byline(page.lines[i].text, page.outlets)
    if not names:
        return False
    page.byline.authors.extend(names)
    page.lines[i].role = Role.BYLINE
    return True


def _take_credit_and_caption(page: Page, i: int) -> int | None:
    """A bare photo credit ("Foto kolase situs.com", "AP/Nama") and the caption under it, which may repeat
    the title (templates print the headline as the default caption). Returns the next index, or None."""
    lines, article = page.lines, page.article
    if not R.is_photo_credit_line(lines[i].text):
        return None
    lines[i].role = Role.CREDIT
    j = i + 1
    if j < len(lines) and _is_free(lines[j]) and article.image_caption is None and word_count(lines[j].text) >= 4 \
            and not R.is_dateline_lead(lines[j].text) and word_count(lines[j].text) <= CAPTION_MAX_WORDS:
        lines[j].role = Role.CAPTION
        article.image_caption = lines[j].text
        j += 1
    return j


def _standfirst_at(page: Page, i: int, title_at: int) -> bool:
    """The line right under the title is the standfirst: where the template prints one there, or where the
    dateline lead (the body's first paragraph) follows it."""
    line = page.lines[i]
    text = line.text
    if i != title_at + 1 or not _is_free(line) or page.article.summary is not None:
        return False
    words = word_count(text)
    if words < SUMMARY_MIN_WORDS or words > STANDFIRST_MAX_WORDS or R.is_dateline_lead(text) \
            or R.has_photo_credit(text) or _repeated(page, i):
        return False
    if page.profile and page.profile.standfirst_under_title:
        return True
    nxt = _next_read(page, i)
    return nxt is not None and R.is_dateline_lead(page.lines[nxt].text)


def _read_header(page: Page, start: int) -> int:
    """Summary, bylines, dates and the image block under the title. Returns where the body starts."""
    lines, article = page.lines, page.article
    image_block = page.profile.image_block if page.profile else None
    meta_seen = False
    i = start
    while i < len(lines):
        line, text = lines[i], lines[i].text
        if _take_reporter(page, i):
            meta_seen = True
        elif line.role is Role.CHROME or (line.rule and line.rule.action is Action.DROP):
            line.role = line.role or Role.BOILERPLATE
        elif line.rule and line.rule.action is Action.END:
            return i
        elif line.byline:
            i = _take_byline(page, i)
            meta_seen = True
            continue
        elif (dated := line.dated) is not None:
            _take_date(page, dated)
            line.role = Role.DATE
            meta_seen = True
        elif _take_opinion_byline(page, i):
            meta_seen = True
        elif image_block and image_block.match(text):
            line.role = Role.BOILERPLATE
            i = _take_image_block(page, i + 1)
            meta_seen = True
            continue
        elif (after := _take_credit_and_caption(page, i)) is not None:
            i = after
            meta_seen = True
            continue
        elif R.same_text(text, article.title):
            line.role = Role.BOILERPLATE  # the title again, as an image alt or share label
        elif R.has_photo_credit(text) and article.image_caption is None:
            line.role = Role.CAPTION
            article.image_caption = text
        elif R.same_text(text, article.image_caption):
            line.role = Role.CAPTION
        elif _standfirst_at(page, i, start - 1):
            line.role = Role.SUMMARY
            article.summary = text
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


#: A warning for a time printed on a 12-hour clock that nothing on the page or in the URL resolved.
TWELVE_HOUR_WARNING = ("published: the page prints a 12-hour clock without AM/PM and no URL time resolves it; "
                       "the half of the day was guessed (taken as printed)")


def _take_date(page: Page, dated: R.DateLine) -> None:
    article, profile = page.article, page.profile
    found = dated.date
    if profile and profile.twelve_hour_clock_url and found.has_time and found.hour is not None \
            and 1 <= found.hour <= 12 and not dated.updated and article.published is None:
        # The family has a template that prints a 12-hour clock: the URL's time (on such a URL) says which
        # half of the day; without it, the hour is a guess and the record says so.
        url_date = R.date_from_url(page.url, profile.url_date) if page.url else None
        twelve_hour_page = page.url is None or bool(profile.twelve_hour_clock_url.search(path_of(page.url)))
        if url_date and url_date.hour is not None and twelve_hour_page:
            hours = [(url_date.hour + shift) % 24 for shift in profile.url_clock_shifts]
            resolved = R.resolve_12h_clock(found, hours)
            if resolved == found and not any(h % 12 == found.hour % 12 for h in hours):
                article.warnings.append(TWELVE_HOUR_WARNING)
            found = resolved
        elif page.url is None:
            article.warnings.append(TWELVE_HOUR_WARNING)
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


_NUMBERED_HEADING = re.compile(r"^\d{1,2}[.)]\s+\S")


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) >= 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.85 * len(words)


def _bare_related_title(page: Page, body: list[int], i: int) -> bool:
    """In a roundup with numbered item headings, an unnumbered Title Case headline of 8+ words is a link to
    another article that the template set inside the body (see `SiteProfile.bare_related_titles`)."""
    if not (page.profile and page.profile.bare_related_titles):
        return False
    text = page.lines[i].text
    if _NUMBERED_HEADING.match(text) or not any(_NUMBERED_HEADING.match(page.lines[k].text) for k in body):
        return False
    return 8 <= word_count(text) <= 20 and not text.endswith((".", ":", '"', "”")) and _title_case(text)


def _listing_item(page: Page, i: int | None) -> bool:
    line = page.lines[i] if i is not None else None
    return line is not None and _is_free(line) and word_count(line.text) <= 20 and not _paragraph_like(line.text) \
        and not line.text.endswith(".")


def _dated_listing(page: Page, i: int) -> bool:
    """Lines i.. are a widget of dated headlines: a date line, a headline, again a date line and a headline."""
    first = _next_read(page, i)
    if not _listing_item(page, first):
        return False
    second = _next_read(page, first)
    if second is None or page.lines[second].dated is None or word_count(page.lines[second].text) > 12:
        return False
    return _listing_item(page, _next_read(page, second))


def _repeats_any(text: str, others: list[str | None]) -> bool:
    """`any(R.same_text(text, other) for other in others)`, with same_text's length test inline: a body
    line is compared with every header text, and most differ in length at once; a paragraph as long as
    the summary is folded whole only when its head folds to the start of the summary's fold."""
    size = len(text)
    head = None
    for other in others:
        if other and abs(size - len(other)) <= max(size, len(other)) // 2 + 2:
            if head is None:
                head = R.fold_head(text)
            if R.fold(other).startswith(head) and R.same_text(text, other):
                return True
    return False


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
        if _take_reporter(page, i):
            pass
        elif line.role is Role.CHROME or line.rule:
            line.role = Role.BOILERPLATE
        elif line.byline:
            if body:
                break  # templates print Penulis/Editor after the article: the body has ended
            i = _take_byline(page, i)
            continue
        elif body and (R.parse_source(text) or R.parse_tags_label(text) is not None):
            break  # "Sumber:" and "Topik"/"Tags" blocks follow the article
        elif word_count(text) <= 12 and (dated := line.dated) is not None:
            if body and _dated_listing(page, i):
                break  # a "latest"/"related" widget of dated headlines: the article has ended
            line.role = Role.DATE
            if article.published is None:
                _take_date(page, dated)
        elif _repeats_any(text, header_texts):
            line.role = Role.BOILERPLATE
        elif not body and _take_opinion_byline(page, i):
            pass
        elif not body and R.has_photo_credit(text) and word_count(text) <= CAPTION_MAX_WORDS \
                and not R.is_dateline_lead(text):
            # Before the first paragraph (a page text without a title): the image's caption.
            line.role = Role.CAPTION
            if article.image_caption is None:
                article.image_caption = text
                header_texts.append(text)
        elif _bare_related_title(page, body, i):
            line.role = Role.BOILERPLATE
        else:
            line.role = Role.BODY
            body.append(i)
        i += 1
    article.paragraphs = _assemble(page, body)
    return i


def is_subheading(paragraph: str) -> bool:
    """A body paragraph that is an in-body subheading: short, no sentence punctuation at its end, not a
    photo credit. The reading engine marks such lines `Role.SUBHEADING`; `saring clean --format md` writes
    them as `##` headings (for records of every path, from the same test)."""
    return (is_short(paragraph, SUBHEADING_MAX_WORDS) and not R.has_photo_credit(paragraph)
            and not paragraph.endswith((".", "!", "?", '"', "”", ":")))


def reprinted_indexes(texts: list[str]) -> set[int]:
    """Positions of paragraphs that print the text above them again: a run equal, in order, to an earlier
    run, as long as half the text before it and holding two or more sentences (a template, or a text
    extraction, that prints the article twice). A line that recurs on its own or in a short group (an
    interviewer's question to each guest, a day's meals in each week of a plan), and list items and
    headings two products share, are content."""
    keys = [t.casefold() for t in texts]
    earlier: dict[str, list[int]] = {}
    reprinted: set[int] = set()
    k = 0
    while k < len(keys):
        longest = 0
        for m in earlier.get(keys[k], ())[:8]:  # the first few places it stood are enough
            n = 0
            while k + n < len(keys) and m + n < k and keys[m + n] == keys[k + n]:
                n += 1
            longest = max(longest, n)
        earlier.setdefault(keys[k], []).append(k)
        sentences = sum(_ends_like_paragraph(t) and not is_list_item(t) for t in texts[k:k + longest])
        if sentences >= 2 and 2 * longest >= k:
            reprinted.update(range(k, k + longest))
            k += longest
        else:
            k += 1
    return reprinted


def _assemble(page: Page, body: list[int]) -> list[str]:
    """Drop link lists and the article printed again; mark subheadings."""
    lines = page.lines
    keep = list(body)
    texts = [lines[i].text for i in keep]
    dropped = {keep[k] for k in link_list_indexes(texts) | reprinted_indexes(texts)}
    paragraphs = []
    for index in keep:
        text = lines[index].text
        if index in dropped:
            lines[index].role = Role.BOILERPLATE
            continue
        if is_subheading(text):
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
        if _take_reporter(page, i):
            i += 1
            continue
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
        _finish_names(self.page)


