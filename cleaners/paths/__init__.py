"""The ways a page becomes a record: `text` (a page text), `html` (parse, choose, fall back), `profile`
(a site family's selectors) and `generic` (any news page)."""
