"""Recognisers: one line in, one fact out (a byline, a date, a caption, a source, tags, a language).

They do not decide where a line stands on the page; `cleaners.reading` does.
"""

from .bylines import (
           AUTHOR_ROLES,
           EDITOR_ROLES,
           Byline,
           add_names,
           byline_from_table_row,
           is_byline,
           parse_byline,
           parse_opinion_byline,
           parse_reporter_line,
           same_person,
           split_names,
)
from .captions import has_photo_credit, is_credit_line, is_photo_credit_line
from .datelines import dateline_prefix, is_dateline_lead
from .dates import (
           DateLine,
           PageDate,
           date_from_url,
           find_date,
           parse_date,
           parse_date_line,
           resolve_12h_clock,
)
from .labels import parse_source, parse_tags_label, split_tags
from .normalize import (
           fold,
           fold_head,
           normalize_line,
           same_text,
           split_glued,
           strip_glued_promo,
           unique,
           without_controls,
)

__all__ = ["AUTHOR_ROLES", "EDITOR_ROLES", "Byline", "DateLine", "PageDate", "add_names", "byline_from_table_row", "dateline_prefix", "date_from_url", "find_date",
           "fold", "fold_head", "has_photo_credit", "is_byline", "is_credit_line", "is_dateline_lead", "is_photo_credit_line", "normalize_line",
           "parse_byline", "parse_date", "parse_date_line", "parse_opinion_byline", "parse_reporter_line",
           "parse_source", "parse_tags_label", "resolve_12h_clock", "same_person", "same_text", "split_glued",
           "split_names", "split_tags", "strip_glued_promo", "unique", "without_controls"]
