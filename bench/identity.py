"""Output identity: every record (body, metadata, language, warnings, page links) of the HTML and text
paths on the bench pages and the fixtures, written once and compared after a change.

Speed work must not change an output. Record a reference before the change, then compare:

    .venv/bin/python bench/identity.py --save /tmp/before.jsonl.gz     # on the code before the change
    .venv/bin/python bench/identity.py --check /tmp/before.jsonl.gz    # after: exit 1 on any difference

Pages: the Zyte benchmark pages, ../shared/dev/html, the family fixtures (`cleaners/sites/*/fixtures/**`),
the page texts (`fixtures/text`, ../shared/dev/text). Each HTML page goes through `clean_html` (str),
`clean_html_generic` and `clean` (bytes, as the crawler hands them over).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaners import clean, clean_html, clean_html_generic, clean_text  # noqa: E402

SHARED = ROOT.parent / "shared"


def html_pages() -> Iterator[tuple[str, str | None, bytes]]:
    truth_path = SHARED / "bench" / "zyte" / "ground-truth.json"
    if truth_path.exists():
        for page_id, item in sorted(json.loads(truth_path.read_text(encoding="utf-8")).items()):
            path = SHARED / "bench" / "zyte" / "html" / f"{page_id}.html.gz"
            yield f"zyte/{page_id}", item.get("url"), gzip.decompress(path.read_bytes())
    index = SHARED / "dev" / "html" / "index.json"
    if index.exists():
        for item in json.loads(index.read_text(encoding="utf-8")):
            path = SHARED / "dev" / "html" / item["html"]
            yield f"dev-html/{path.name}", item["url"], path.read_bytes()
    for path in sorted({*ROOT.glob("fixtures/**/*.html"), *ROOT.glob("cleaners/sites/*/fixtures/**/*.html")}):
        url = None
        expected = path.with_suffix(".json")
        if expected.is_file():
            url = json.loads(expected.read_text(encoding="utf-8")).get("url")
        yield str(path.relative_to(ROOT)), url, path.read_bytes()


def text_pages() -> Iterator[tuple[str, str | None, str]]:
    urls: dict[str, str] = {}
    tsv = ROOT / "fixtures" / "text" / "urls.tsv"
    if tsv.exists():
        for line in tsv.read_text(encoding="utf-8").splitlines():
            name, _, url = line.partition("\t")
            urls[name.strip()] = url.strip()
    for path in sorted([*(ROOT / "fixtures" / "text").glob("*.txt"), *(SHARED / "dev" / "text").glob("*.txt")]):
        # keyed by the path below the checkout or ../shared, so that two checkouts compare
        key = str(path.relative_to(ROOT if path.is_relative_to(ROOT) else SHARED))
        yield key, urls.get(path.name) or urls.get(path.stem), path.read_text(encoding="utf-8")


def outcome(fn, *args) -> dict:
    try:
        article = fn(*args)
    except Exception as exc:  # noqa: BLE001 - a failure is an output too
        return {"error": f"{type(exc).__name__}: {exc}"}
    record = article.to_dict()
    links = article.page_links
    record["page_links"] = repr(links) if links is not None else None
    return record


def records() -> Iterator[dict]:
    for key, url, data in html_pages():
        html = data.decode("utf-8", "replace")
        yield {"key": key, "via": "clean_html", **outcome(clean_html, html, url)}
        yield {"key": key, "via": "clean_html_generic", **outcome(clean_html_generic, html, url)}
        yield {"key": key, "via": "clean(bytes)", **outcome(clean, data, url)}
    for key, url, text in text_pages():
        yield {"key": key, "via": "clean_text", **outcome(clean_text, text, url)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", help="write the records to this file (.jsonl.gz)")
    group.add_argument("--check", help="compare the records with this file; exit 1 on any difference")
    args = parser.parse_args(argv)
    if args.save:
        count = 0
        with gzip.open(args.save, "wt", encoding="utf-8") as out:
            for record in records():
                out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
                count += 1
        print(f"identity: {count} records written to {args.save}")
        return 0
    with gzip.open(args.check, "rt", encoding="utf-8") as src:
        before = {(r["key"], r["via"]): r for r in map(json.loads, src)}
    differ, count = [], 0
    seen = set()
    for record in records():
        count += 1
        ident = (record["key"], record["via"])
        seen.add(ident)
        old = before.get(ident)
        if old is None:
            differ.append(f"{ident}: new (no reference)")
            continue
        now = json.loads(json.dumps(record, ensure_ascii=False, sort_keys=True))
        fields = sorted(k for k in {*old, *now} if old.get(k) != now.get(k))
        if fields:
            differ.append(f"{ident}: {', '.join(fields)}")
    differ += [f"{ident}: missing now" for ident in before.keys() - seen]
    for line in differ[:40]:
        print(f"  differs {line}")
    print(f"identity: {count} records, {len(differ)} differ from {args.check}: "
          f"{'identical' if not differ else 'NOT identical'}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
