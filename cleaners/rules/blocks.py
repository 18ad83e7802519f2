"""Boilerplate of the genre as the generic HTML path meets it: the text of one HTML block (a paragraph,
a list item, a heading) of an Indonesian or English news page, any site. Widgets, inserts and footers
whose text a page text would not show alone on a line, or that only the generic path has to recognise
(a site profile knows its template).

Each rule here has tests of blocks it must and must not touch (tests/test_rules_blocks.py), written from
the genre, not from any one page.
"""

from __future__ import annotations

from functools import cache

from . import GENERIC_RULES
from .base import DROP, Rule, RuleSet, rule

#: Rules of the genre for HTML blocks, beyond `GENERIC_RULES`.
BLOCK_RULES: tuple[Rule, ...] = (
    # "Baca juga" as a heading of its own (a card or a box: "BACA JUGA", "Baca Juga" above linked titles).
    # Its bullet shape without the words, "• <linked headline>" (sites.md §7), is mostly link text and goes
    # by link density: a bullet line of text that is not a link is body.
    rule("read-also", DROP, r"^(baca|lihat|simak)\s*(juga|pula)\s*:?$"),
    rule("read-also", DROP, r"^(jangan\s+lewatkan|baca\s+(juga\s+)?(artikel|berita)\s+(menarik\s+)?lainnya|"
                            r"artikel\s+menarik\s+lainnya|pilihan\s+redaksi|video\s+pilihan|"
                            r"(berita|artikel)\s+(menarik|pilihan)(\s+lainnya)?)\s*:?$"),
    # Widget headings of "popular" and "latest" lists (their linked titles go as link text; the widget may
    # stand inside the article, so it does not end the body).
    rule("popular", DROP, r"^(berita|artikel|video|foto|news)?\s*(terpopuler|paling\s+populer|populer|terbaru|terkini|"
                         r"paling\s+banyak\s+dibaca|terhangat|trending(\s+now)?)(\s+(hari\s+ini|minggu\s+ini|"
                         r"index|indeks))?\s*[»›>:]*$"),
    rule("popular", DROP, r"^(most\s+(popular|read|viewed)|popular\s+(videos?|photos?|posts?|news|stories)|"
                         r"latest\s+(news|posts?|stories|videos?)|must\s*read)\s*[»›>:]*$"),
    # Reader counters and reaction boxes: "998 Views", "telah dilihat 3584 kali", "Like (0)", "Rate artikel ini".
    rule("counter", DROP, r"^(telah\s+)?(dilihat|dibaca|ditonton)\s+[\d.,]+\s*(kali|x)?$"),
    rule("counter", DROP, r"^[\d.,]+\s*(views?|kali\s+dibaca|dibaca|pembaca|dilihat|shares?|komentar|comments?|"
                          r"tanggapan|likes?)$"),
    rule("counter", DROP, r"^(like|likes|suka|dislike|komentar|komentari|comments?|vote|votes|share|shares|bagikan|"
                          r"tweet|reply|balas|love|wow|lucu|sedih|marah|kaget|senang|views?)\s*\(\s*\d{0,6}\s*\)$"),
    rule("rating", DROP, r"^(rate|beri\s+nilai|rating|vote|voting)(\s+(artikel|berita|foto|photo|ini|this|article|"
                         r"story|post))*\s*(\([^()]{0,20}\))?\s*:?$"),
    rule("rating", DROP, r"^(like|dislike|suka|tidak\s+suka|share|bagikan|tweet|komentari)$"),
    # Promos of the outlet's channels and newsletters.
    rule("follow", DROP, r"^(ikuti|follow|simak|dapatkan|baca|cek|pantau|gabung|join|klik|update|akses)\b.{0,100}"
                         r"\b(google\s+news|whatsapp|telegram|line\s+today)\b.{0,80}$"),
    rule("follow", DROP, r"^(berlangganan|langganan|subscribe)\b.{0,80}\b(newsletter|buletin|gratis|email)\b"),
    # Trailing credit of a wire or a desk: "(***/Nama)".
    rule("editor-initials", DROP, r"^\(\s*\*+\s*/[^()]{1,40}\)$"),
)


@cache
def _ruleset(rules: tuple[Rule, ...]) -> RuleSet:
    return RuleSet(rules)


def block_ruleset(profile=None) -> RuleSet:  # noqa: ANN001 - a SiteProfile; typed loosely to keep rules free of sites
    """The template's rules (when a profile is given), the genre's, then the block rules, prepared once."""
    own = profile.rules if profile is not None else ()
    return _ruleset(own + GENERIC_RULES + BLOCK_RULES)
