"""The report's charts: matplotlib figures rendered to inline SVG (no script, no network to view them)."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import Counter
from typing import Any

import matplotlib
from matplotlib import dates as mdates
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, PercentFormatter

from .data import COMPLETENESS, GENERIC, CrawlData, StoreData

#: One colour per site, stable across charts (matplotlib's tab10, the generic path in grey).
PALETTE = matplotlib.colormaps["tab10"].colors
GREY = "#9e9e9e"

STYLE = {
    "svg.fonttype": "none",      # text stays text: smaller, selectable, searchable
    "font.family": "sans-serif",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
}


def colours(sites: list[str]) -> dict[str, Any]:
    found, n = {}, 0
    for site in sites:
        if site == GENERIC:
            found[site] = GREY
        else:
            found[site] = PALETTE[n % len(PALETTE)]
            n += 1
    return found


def svg(figure: Figure, name: str) -> str:
    """The figure as an inline <svg> element (ids made unique per chart, so that charts share a page)."""
    buffer = io.StringIO()
    with matplotlib.rc_context({**STYLE, "svg.hashsalt": name}):
        figure.savefig(buffer, format="svg", bbox_inches="tight")
    text = buffer.getvalue()
    text = text[text.index("<svg"):]
    # matplotlib's ids (clip paths, glyphs) are per file: prefix them with the chart's name.
    text = re.sub(r'id="([^"]+)"', lambda m: f'id="{name}-{m.group(1)}"', text)
    text = re.sub(r'(url\(#|xlink:href="#|href="#)([^")]+)', lambda m: f"{m.group(1)}{name}-{m.group(2)}", text)
    return text.replace("<svg ", f'<svg role="img" aria-label="{name}" ', 1)


def _figure(width: float = 10, height: float = 3.6) -> Figure:
    with matplotlib.rc_context(STYLE):
        return Figure(figsize=(width, height), layout="constrained")


def _days(values: list[str]) -> list[dt.date]:
    return [dt.date.fromisoformat(v) for v in values]


def _date_axis(ax) -> None:
    locator = mdates.AutoDateLocator(minticks=3, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def articles_per_day(data: StoreData) -> Figure | None:
    if not data.per_day:
        return None
    days = sorted({day for day, _ in data.per_day})
    with matplotlib.rc_context(STYLE):
        fig = _figure()
        ax = fig.add_subplot()
        bottom = [0] * len(days)
        palette = colours(data.sites)
        for site in data.sites:
            counts = [data.per_day.get((day, site), 0) for day in days]
            if any(counts):
                ax.bar(_days(days), counts, bottom=bottom, width=0.8, label=site, color=palette[site])
                bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
        _date_axis(ax)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylabel("articles (by published day)")
        ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), frameon=False, ncols=min(8, len(data.sites)))
    return fig


def extractor_paths(data: StoreData, max_share: float | None) -> Figure | None:
    families = data.families
    if not families:
        return None
    palette = colours(data.sites)
    with matplotlib.rc_context(STYLE):
        fig = _figure(10, 3.2 + 0.25 * len(families))
        left, right = fig.subplots(1, 2, width_ratios=(1, 2))
        # Left: each family's items by extractor path: its own profile, or the generic path it fell back to.
        own = [sum(n for p, n in data.extractors.get(site, Counter()).items() if p != "generic") for site in families]
        fell = [data.extractors.get(site, Counter()).get("generic", 0) for site in families]
        left.barh(families, own, label="profile", color=[palette[site] for site in families])
        left.barh(families, fell, left=own, label="generic (fallback)", color=GREY, hatch="//", edgecolor="white")
        left.invert_yaxis()
        left.set_xlabel("articles: profile path, then generic fallback (hatched)")
        left.xaxis.set_major_locator(MaxNLocator(integer=True))
        # Right: each family's fallback share per day.
        for site in families:
            days = sorted(day for s, day in data.fallback if s == site)
            if days:
                shares = [data.fallback[(site, d)][1] / data.fallback[(site, d)][0] for d in days]
                right.plot(_days(days), shares, marker="o", markersize=4, label=site, color=palette[site])
        if max_share is not None:
            right.axhline(max_share, color="#c62828", linestyle="--", linewidth=1,
                          label=f"monitor threshold ({max_share:.0%})")
        right.set_ylim(-0.03, 1.03)
        right.yaxis.set_major_formatter(PercentFormatter(1.0))
        right.set_ylabel("fell back to the generic path")
        _date_axis(right)
        right.legend(loc="lower left", bbox_to_anchor=(0, 1.0), frameon=False, fontsize=8, ncols=3)
    return fig


def completeness(data: StoreData) -> Figure | None:
    sites = [s for s in data.sites if s in data.completeness]
    if not sites:
        return None
    labels = [label for label, _ in COMPLETENESS]
    values = [[data.completeness[s][1][label] / max(1, data.completeness[s][0]) for label in labels] for s in sites]
    with matplotlib.rc_context(STYLE):
        fig = _figure(10, 1.2 + 0.45 * len(sites))
        ax = fig.add_subplot()
        ax.grid(False)
        image = ax.imshow(values, cmap="RdYlGn", vmin=0, vmax=1, aspect="auto")
        ax.set_xticks(range(len(labels)), labels)
        ax.set_yticks(range(len(sites)), [f"{s} ({data.completeness[s][0]})" for s in sites])
        ax.tick_params(top=True, labeltop=True, bottom=False, labelbottom=False)
        for y, row in enumerate(values):
            for x, value in enumerate(row):
                ax.text(x, y, f"{value:.0%}", ha="center", va="center", fontsize=8,
                        color="black" if 0.25 < value < 0.85 else "white")
        fig.colorbar(image, ax=ax, format=PercentFormatter(1.0), fraction=0.03)
    return fig


def languages(data: StoreData) -> Figure | None:
    if not data.languages:
        return None
    totals = Counter()
    for (language, _), count in data.languages.items():
        totals[language] += count
    order = [language for language, _ in totals.most_common()]
    palette = colours(data.sites)
    with matplotlib.rc_context(STYLE):
        fig = _figure(10, 1.4 + 0.35 * len(order))
        ax = fig.add_subplot()
        start = [0] * len(order)
        for site in data.sites:
            counts = [data.languages.get((language, site), 0) for language in order]
            if any(counts):
                ax.barh(order, counts, left=start, label=site, color=palette[site])
                start = [s + c for s, c in zip(start, counts, strict=True)]
        ax.invert_yaxis()
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel("articles by detected language")
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8)
    return fig


def clusters(data: StoreData) -> Figure | None:
    if not data.clusters:
        return None
    sizes = Counter(c["size"] for c in data.clusters)
    top = data.clusters[:12]
    with matplotlib.rc_context(STYLE):
        fig = _figure(10, 1.4 + 0.3 * len(top))
        left, right = fig.subplots(1, 2, width_ratios=(1, 2))
        keys = sorted(sizes)
        left.bar([str(k) for k in keys], [sizes[k] for k in keys], color=PALETTE[0])
        left.set_xlabel("articles in the cluster")
        left.set_ylabel("clusters")
        left.yaxis.set_major_locator(MaxNLocator(integer=True))
        labels = [_short(c["title"] or c["url"], 48) for c in top]
        right.barh(labels, [c["size"] for c in top], color=PALETTE[1])
        right.invert_yaxis()
        right.set_xlabel("largest clusters: the original and its copies")
        right.xaxis.set_major_locator(MaxNLocator(integer=True))
    return fig


def slowest(crawl: CrawlData, count: int = 15) -> Figure | None:
    top = crawl.slowest[:count]
    if not top:
        return None
    with matplotlib.rc_context(STYLE):
        fig = _figure(10, 1.0 + 0.3 * len(top))
        ax = fig.add_subplot()
        colours_ = ["#c62828" if (status or 0) >= 400 else PALETTE[0] for _, _, status, _ in top]
        ax.barh([_short(_url_label(url), 70) for url, *_ in top], [seconds for _, seconds, _, _ in top], color=colours_)
        ax.invert_yaxis()
        ax.set_xlabel("download time (s); red: an error status")
    return fig


def responses(crawl: CrawlData) -> Figure | None:
    if not crawl.statuses and not crawl.failed:
        return None
    with matplotlib.rc_context(STYLE):
        fig = _figure(10, 2.8)
        left, right = fig.subplots(1, 2)
        statuses = sorted(crawl.statuses)
        left.bar(statuses, [crawl.statuses[s] for s in statuses],
                 color=["#c62828" if s.startswith(("4", "5")) else PALETTE[2] for s in statuses])
        left.set_xlabel("responses by HTTP status (all runs, retries included)")
        left.yaxis.set_major_locator(MaxNLocator(integer=True))
        reasons = Counter(reason for _, reason, _ in crawl.failed)
        if reasons:
            names = [name for name, _ in reasons.most_common(10)]
            right.barh([_short(n, 40) for n in names], [reasons[n] for n in names], color="#c62828")
            right.invert_yaxis()
            right.xaxis.set_major_locator(MaxNLocator(integer=True))
        else:
            right.text(0.5, 0.5, "no URL failed", ha="center", va="center", transform=right.transAxes)
            right.set_xticks([])
            right.set_yticks([])
        right.set_xlabel("URLs that failed for good, by reason")
    return fig


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _url_label(url: str) -> str:
    return re.sub(r"^https?://", "", url)
