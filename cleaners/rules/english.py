"""The same genre in English, for the generic path: newsletter, follow and affiliate blurbs, wire-service
credits, reprint notices, related-content headings.

Where they come from: written while developing the generic path against the Zyte article-extraction
benchmark (shared/bench/zyte, English-language pages), and measured only there. They are kept narrow
(anchored, with the words such blurbs use) so that an Indonesian page never meets them.
"""

from __future__ import annotations

from .base import DROP, Rule, holds_match, rule

ENGLISH_RULES: tuple[Rule, ...] = (
    rule("promo-en", DROP, r"^(sign\s+up|subscribe)\b.{0,200}\bnewsletters?\b"),
    rule("promo-en", DROP, r"^(follow|email|contact)\b.{0,160}(@\w|\bon\s+(twitter|facebook|instagram|x)\b)"),
    rule("promo-en", DROP, r"^(have\s+a\s+(news\s+)?tip\?|got\s+a\s+tip\?)"),
    rule("promo-en", DROP, r"^if\s+you\s+(buy|purchase|click)\s+(something|anything|on)\b"),
    rule("promo-en", DROP, r"^if\s+you\s+(enjoyed|liked|appreciate)\s+this\s+(article|story|post)\b"),
    rule("credit-en", DROP, r"^\(?(additional\s+)?(reporting|writing|editing)\s+by\b.{0,300}$"),
    rule("credit-en", DROP, r"\bwriters?\b.{0,200}\bcontributed\s+(to\s+)?this\s+(report|story)\.?\)?$",
         requires=holds_match("contributed")),
    rule("reprint", DROP, r"^this\s+copy\s+is\s+for\s+your\s+personal,?\s+non-commercial\s+use\s+only\b"),
    rule("related-en", DROP, r"^(related|read\s+more|more\s+from\s+\w+|recommended|you\s+may\s+also\s+like|"
                            r"trending|most\s+read|popular)(\s+(stories|articles|news|posts|coverage))?\s*:?$"),
)
