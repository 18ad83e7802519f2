"""Reading an HTML tree: text lines of elements (`blocks`), CSS selection (`css`), JSON-LD and meta tags
(`meta`), pagination links (`pagination`)."""
