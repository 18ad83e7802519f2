"""Checking what users type: spider arguments (`-a name=value`) and the dates and sites of `saring` commands.

Every problem is one line that names the argument and the form it takes; `scrapy crawl` and `saring crawl`
print it and exit with status 2 before the crawl starts (`crawler.scrapycommands.crawl`). Light imports
only: `saring export` uses it too.
"""

from __future__ import annotations

import datetime as dt
import inspect
import re
from typing import Any

#: Spider attributes Scrapy itself reads, which `-a` may set (and `_job` and other `_` names of schedulers).
SCRAPY_ARGUMENTS = ("user_agent", "download_delay", "download_timeout", "download_maxsize", "download_warnsize",
                    "http_user", "http_pass", "http_auth_domain", "handle_httpstatus_list", "handle_httpstatus_all")

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class ArgumentProblem(ValueError):
    """A value a user typed cannot be used; the message is one line naming it and the expected form."""


def day(value: str, name: str) -> dt.date:
    """A date given as YYYY-MM-DD (only that form: `2024-11`, `13/11/2024` and `20241113` are refused).
    `name` is the option as typed before its value: `"--since "` or `"-a since="`."""
    try:
        if _DAY.fullmatch(value.strip()):
            return dt.date.fromisoformat(value.strip())
    except ValueError:
        pass
    raise ArgumentProblem(f"{name.strip()} takes a date as YYYY-MM-DD (e.g. 2024-11-05), not {value!r}")


def window(since: str | None, until: str | None, since_name: str = "--since ", until_name: str = "--until "
           ) -> tuple[dt.date | None, dt.date | None]:
    """The dates of a window, checked: each YYYY-MM-DD, and `since` not after `until`."""
    first = day(since, since_name) if since else None
    last = day(until, until_name) if until else None
    if first and last and first > last:
        raise ArgumentProblem(f"{since_name}{first} is after {until_name}{last}")
    return first, last


def flag(value: str | None, name: str) -> bool:
    """A yes/no argument: 1/0, true/false, yes/no (empty or absent: no)."""
    text = (value or "").strip().lower()
    if text in ("", "0", "false", "no", "off"):
        return False
    if text in ("1", "true", "yes", "on"):
        return True
    raise ArgumentProblem(f"{name} takes 1 or 0, not {value!r}")


def site(value: str, known: list[str]) -> str:
    """A site family's name, in any case; an unknown one is refused with the list of known ones."""
    name = value.strip().lower()
    if name not in known:
        raise ArgumentProblem(f"--site: no site family {value!r}; the known ones: {', '.join(sorted(known))}")
    return name


def store_filters(site_name: str | None, since: str | None, until: str | None
                  ) -> tuple[str | None, str | None, str | None]:
    """`--site`, `--since`, `--until` of the commands that read the store, checked and normalised (the site
    in lower case, the days as YYYY-MM-DD). Raises ArgumentProblem."""
    from cleaners.sites import PROFILES

    first, last = window(since, until)
    name = site(site_name, [p.name for p in PROFILES]) if site_name is not None else None
    return name, first.isoformat() if first else None, last.isoformat() if last else None


def spider_parameters(spidercls: type) -> list[str]:
    """The `-a` arguments a spider's `__init__` methods name, in order, base class last."""
    names: list[str] = []
    for cls in spidercls.__mro__:
        init = cls.__dict__.get("__init__")
        if init is None or cls.__module__.startswith("scrapy."):
            continue
        for parameter in inspect.signature(init).parameters.values():
            if parameter.kind in (parameter.POSITIONAL_OR_KEYWORD, parameter.KEYWORD_ONLY) \
                    and parameter.name != "self" and parameter.name not in names:
                names.append(parameter.name)
    return names


def spider_argument_problem(spidercls: type, arguments: dict[str, Any]) -> str | None:
    """What is wrong with the `-a` arguments for a spider, in one line (None: nothing). Unknown names are
    refused; the values are checked by building the spider as the crawl would (its `__init__` raises
    ArgumentProblem), without a crawler, so nothing is opened or fetched."""
    accepted = spider_parameters(spidercls)
    unknown = [name for name in arguments if name not in accepted and name not in SCRAPY_ARGUMENTS
               and not name.startswith("_")]
    if unknown:
        return (f"unknown argument -a {unknown[0]}=...; {spidercls.name} takes "
                + ", ".join(f"-a {name}=" for name in accepted)
                + " (and Scrapy's own: " + ", ".join(SCRAPY_ARGUMENTS) + ")")
    try:
        spidercls(**arguments)
    except ArgumentProblem as exc:
        return str(exc)
    return None
