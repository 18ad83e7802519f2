"""Boilerplate patterns of Indonesian news pages: the one place both the text and the HTML path read.

A `Rule` gives a whole line (a text line, or the text of one HTML block) a role:

- ``DROP``: chrome or an insert that may stand anywhere, even inside the body ("Baca juga: ...", a lone
  "Berita Rekomendasi" heading, page numbers, editor initials such as "(FJR)").
- ``END``: a block that only stands after the article ("Halaman" pagination, comment disclaimers,
  copyright, "BERITA LAINNYA", related-title tables): the body stops at the first one.

Generic rules describe the genre; each site profile adds rules for its own template. Metadata lines
(bylines, dates, "Sumber:", "Topik") are recognised by `cleaners.text`, not here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class Action(Enum):
    DROP = "drop"
    END = "end"


@dataclass(frozen=True)
class Rule:
    name: str
    action: Action
    pattern: re.Pattern[str]

    def matches(self, line: str) -> bool:
        return bool(self.pattern.search(line))


def rule(name: str, action: Action, regex: str, flags: int = re.I) -> Rule:
    return Rule(name, action, re.compile(regex, flags))


DROP, END = Action.DROP, Action.END

#: Section names of Indonesian news menus (for recognising a menu line).
SECTION_NAMES = (
    "Nasional|Internasional|Dunia|Regional|Daerah|Metro|Megapolitan|Ekonomi|Bisnis|Keuangan|Olahraga|Sport|"
    "Sports|Bola|Hiburan|Seleb|Selebriti|Entertainment|Lifestyle|Gaya|Teknologi|Tekno|Otomotif|Kesehatan|"
    "Health|Pendidikan|Edukasi|Wisata|Travel|Kuliner|Opini|Video|Foto|Politik|Hukum|Peristiwa|News|Berita|"
    "Agama|Sains|Properti|Humaniora|Jateng|Jatim|Jabar"
)

#: Rules of the genre, valid on any Indonesian news page.
GENERIC_RULES: tuple[Rule, ...] = (
    # In-body "read also" inserts: "Baca juga:", "Baca Juga :", "BacaJuga :", "Baca:", "Simak juga:".
    rule("read-also", DROP, r"^(baca|lihat|simak)\s*(juga|pula)?\s*:"),
    rule("read-also", DROP, r"^(artikel|berita)\s+terkait\s*:"),
    # "Read more" link labels.
    rule("read-more", DROP, r"^(baca|klik)\s+(selengkapnya|di\s*sini)\b.*$"),
    rule("read-more", DROP, r"^selengkapnya\s+(baca|klik|simak)\s+di\s*sini\b"),
    rule("read-more", DROP, r"^klik\s+di\s*sini\s+untuk\b"),
    rule("read-more", DROP, r"^(lanjut(kan)?\s+membaca|scroll\s+to\s+(continue|resume)|scroll\s+untuk\s+melanjutkan)\b"),
    # Recommendation / related headings standing alone on a line.
    rule("recommendation", DROP, r"^(berita|artikel|konten)\s+(rekomendasi|pilihan)$"),
    rule("recommendation", END, r"^rekomendasi(\s+untuk\s+anda)?$"),
    rule("related", END, r"^(berita|artikel|video)?\s*(terkait|lainnya|terbaru|terpopuler|populer|pilihan\s+editor)$"),
    rule("related", END, r"^(most\s+popular|related\s+(news|articles?)|more\s+stories)$"),
    # Related-title tables: "Title |" rows and "---|" separators.
    rule("related-table", END, r"^.{0,300}\s\|\s*$"),
    rule("related-table", END, r"^\s*(-{3,}\s*\|\s*)+$"),
    # Pagination.
    rule("pagination", END, r"^halaman$"),
    rule("pagination", END, r"^halaman\s+(\d+\s*(/|dari)\s*\d+|selanjutnya|berikutnya|sebelumnya)\b"),
    rule("pagination", END, r"^\d+\s+dari\s+\d+\s+halaman$"),
    rule("pagination", DROP, r"^(\d{1,3}\s*)+$"),
    rule("pagination", DROP, r"^(selanjutnya|sebelumnya|berikutnya|next|prev(ious)?|first|last)\s*[»›>]*$"),
    # Follow / subscribe / app promos.
    rule("follow", END, r"^(cek|simak|dapatkan|ikuti)\s+(berita|update|informasi|artikel)\b.*\b(google\s+news|whatsapp|telegram|channel)\b"),
    rule("follow", END, r"^cek\s+berita\s+dan\s+artikel\s+yang\s+lain\s+di\b"),
    rule("follow", DROP, r"^dapatkan\s+(berita|update)\s+(pilihan|terbaru|terkini)\b"),
    rule("follow", DROP, r"^(google\s+news|whatsapp|telegram|instagram|facebook|twitter|tiktok|youtube|line)$"),
    rule("follow", DROP, r"^(ikuti|follow)\s+(kami|media\s+sosial)\b"),
    rule("follow", END, r"^follow\s+us$"),
    rule("follow", DROP, r"^(gabung|bergabung)\s+(ke|di|dengan)\s+(channel|grup|saluran)\b"),
    rule("follow", DROP, r"^(install|unduh|download)\s+(aplikasi|app)\b"),
    rule("follow", DROP, r"^baca\s+(whatsapp|berita\s+di\s+whatsapp)\b"),
    rule("follow", DROP, r"^(share|bagikan)(\s+(artikel|berita)(\s+ini)?)?\s*:?$"),
    # Comment blocks and legal footers.
    rule("comments", END, r"^(kirim|tulis|lihat|tampilkan)\s+komentar\b"),
    rule("comments", END, r"^isi\s+komentar\s+sepenuhnya\s+(adalah\s+)?tanggung\s+jawab\b"),
    rule("comments", END, r"^bagaimana\s+(komentarmu|tanggapan\s+anda\s+mengenai\s+artikel\s+ini)\b"),
    rule("comments", END, r"^(komentar|comments?)\s*(\(\d+\))?$"),
    rule("copyright", END, r"^(©|\(c\)\s|copyright\b)"),
    rule("copyright", END, r"\ball\s+rights?\s+reserved\b|\bhak\s+cipta\s+dilindungi\b"),
    # Editor initials closing a body: "(FJR)", "(wan/ugo)", "(*)".
    rule("editor-initials", DROP, r"^\(\s*(\*|[a-z]{2,5}(\s*[/,]\s*[a-z]{2,5})*)\s*\)$"),
    # Widgets and UI labels that text extraction leaves behind.
    rule("ui", DROP, r"^(aa|text\s+sizes?|small|medium|large|larger|a-|a\+)$"),
    rule("ui", DROP, r"^(advertisement|iklan|ads|sponsored|close\s+ads\s*x?|tutup\s+iklan|x)$"),
    rule("ui", DROP, r"^(loading\.*|memuat\.*|placeholder|comscore|free\s+web\s+hit\s+counter)$"),
    rule("ui", DROP, r"^(atas|ke\s+atas|back\s+to\s+top|kembali\s+ke\s+atas)$"),
    rule("ui", DROP, r"^(happy|inspire|confuse|sad|senang|sedih|marah|terkejut|terinspirasi)\d*$"),
    rule("ui", DROP, r"^[\W_]+$"),
    # Breadcrumbs ("Beranda > Nasional > Politik", "Home / Baca / Peristiwa") and section menus: a run of
    # capitalised section names without sentence punctuation.
    rule("menu", DROP, r"^(home|beranda|index|indeks)\s*[>/»›|]"),
    rule("menu", DROP, rf"^(?=(?:.*\b(?:{SECTION_NAMES})\b){{3}})(?:[A-Z0-9][\w.&'-]*\s*)+$", flags=0),
    # A URL slug printed as text (image alt on kompas.tv desktop).
    rule("slug", DROP, r"^[a-z0-9]+(-[a-z0-9]+){3,}$", flags=0),
    rule("newsticker", DROP, r"^(newsticker|breaking\s+news|live\s+report|live\s+streaming)$"),
    # The same genre in English, for the generic path: newsletter, follow and affiliate blurbs,
    # wire-service credits, reprint notices, related-content headings.
    rule("promo-en", DROP, r"^(sign\s+up|subscribe)\b.{0,200}\bnewsletters?\b"),
    rule("promo-en", DROP, r"^(follow|email|contact)\b.{0,160}(@\w|\bon\s+(twitter|facebook|instagram|x)\b)"),
    rule("promo-en", DROP, r"^(have\s+a\s+(news\s+)?tip\?|got\s+a\s+tip\?)"),
    rule("promo-en", DROP, r"^if\s+you\s+(buy|purchase|click)\s+(something|anything|on)\b"),
    rule("promo-en", DROP, r"^if\s+you\s+(enjoyed|liked|appreciate)\s+this\s+(article|story|post)\b"),
    rule("credit-en", DROP, r"^\(?(additional\s+)?(reporting|writing|editing)\s+by\b.{0,300}$"),
    rule("credit-en", DROP, r"\bwriters?\b.{0,200}\bcontributed\s+(to\s+)?this\s+(report|story)\.?\)?$"),
    rule("reprint", DROP, r"^this\s+copy\s+is\s+for\s+your\s+personal,?\s+non-commercial\s+use\s+only\b"),
    rule("related-en", DROP, r"^(related|read\s+more|more\s+from\s+\w+|recommended|you\s+may\s+also\s+like|"
                            r"trending|most\s+read|popular)(\s+(stories|articles|news|posts|coverage))?\s*:?$"),
)


class RuleSet:
    """Rules prepared for fast matching: most lines match none, and anchored rules (the large majority)
    are screened together by one match at the line start."""

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        groups: dict[int, list[str]] = {}
        floating = []
        for r in rules:
            if r.pattern.pattern.startswith("^"):
                groups.setdefault(r.pattern.flags, []).append(f"(?:{r.pattern.pattern[1:]})")
            else:
                floating.append(r)
        self.screens = tuple(re.compile("|".join(parts), flags) for flags, parts in groups.items())
        self.floating = tuple(floating)

    def first_match(self, line: str) -> Rule | None:
        if not any(screen.match(line) for screen in self.screens) and not any(
                r.matches(line) for r in self.floating):
            return None
        for r in self.rules:
            if r.matches(line):
                return r
        return None


GENERIC_RULESET = RuleSet(GENERIC_RULES)


def first_match(line: str, rules: tuple[Rule, ...]) -> Rule | None:
    """The first of `rules` that matches the line (unprepared; hot paths use a RuleSet)."""
    return next((r for r in rules if r.matches(line)), None)


_WORD = re.compile(r"\w+", re.UNICODE)


def word_count(line: str) -> int:
    return len(_WORD.findall(line))


def is_short(line: str, max_words: int) -> bool:
    """At most `max_words` words; cheap on huge lines."""
    return len(line) <= max_words * 40 and word_count(line) <= max_words


_TERMINAL = re.compile(r"""[.!?…:;"”’')\]。！？」』）]\s*$""")


def ends_like_sentence(line: str) -> bool:
    return bool(_TERMINAL.search(line))


#: Link-list items are short in characters too (a CJK sentence is one \w+ run).
LINK_MAX_CHARS = 60


def is_link_list(lines: list[str], min_run: int = 2, max_words: int = 8) -> bool:
    """A run of short lines without sentence punctuation: a keyword/SEO link list or a related-title list."""
    return len(lines) >= min_run and all(
        len(x) <= LINK_MAX_CHARS and is_short(x, max_words) and not ends_like_sentence(x) for x in lines)


def link_list_indexes(lines: list[str]) -> set[int]:
    """Positions of link lists among body paragraphs.

    Runs of 3+ short unpunctuated lines are keyword/SEO or related-title lists wherever they stand; at the
    very end of the body 2 are enough, since a real subheading is followed by a paragraph.
    """
    dropped: set[int] = set()
    run: list[int] = []
    for index in [*range(len(lines)), None]:
        if index is not None and is_link_list([lines[index]], min_run=1):
            run.append(index)
            continue
        if len(run) >= 3 or (index is None and len(run) >= 2):
            dropped.update(run)
        run = []
    return dropped
