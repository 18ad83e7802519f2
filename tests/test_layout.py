"""The shape of the code: no import cycle, no family named outside its folder, the crawl's item carries the
record's fields (so a field added to the record cannot be dropped by the crawl)."""

from __future__ import annotations

from cleaners import RECORD_FIELDS
from crawler.items import ArticleItem
from testing import check_layout


def test_no_import_cycle_and_no_family_named_outside_its_home():
    modules = check_layout.project_modules()
    graph = {name: check_layout.imports_of(name, path, modules) for name, path in modules.items()}
    assert check_layout.cycles(graph) == []
    assert check_layout.misplaced_family_names(modules) == []


def test_the_item_has_every_record_field_in_order_and_the_crawls_own():
    fields = list(ArticleItem.fields)
    assert [f for f in fields if f in RECORD_FIELDS] == list(RECORD_FIELDS)
    assert set(RECORD_FIELDS) <= set(fields)
    assert set(fields) - set(RECORD_FIELDS) == {"fetched_at", "http_status", "duplicate_of"}
    record = {name: None for name in RECORD_FIELDS}
    assert dict(ArticleItem.from_record(record, http_status=200)) == {**record, "http_status": 200}


def _probe(code: str, *args: str, cwd=None) -> None:
    """Run `code` in a fresh interpreter (from the checkout, or `cwd`); it must exit 0."""
    import subprocess
    import sys
    from pathlib import Path

    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          cwd=cwd or Path(__file__).resolve().parents[1])
    assert done.returncode == 0, done.stderr


def test_the_package_loads_its_parts_when_asked():
    """`cleaners.rules.metrics` alone (the crawl's store process needs no more) leaves the parser, the
    paths and lxml unloaded; every public name still imports from the package."""

    probe = ("import sys, crawler.store.writer, cleaners.rules.metrics\n"
             "assert 'lxml' not in sys.modules and 'cleaners.api' not in sys.modules, sorted(sys.modules)\n"
             "import cleaners\n"
             "names = {n: getattr(cleaners, n) for n in cleaners.__all__}\n"
             "from cleaners import *  # noqa: F403\n"
             "assert 'lxml' in sys.modules and names['clean'] is cleaners.clean\n"
             "assert set(cleaners.__all__) <= set(dir(cleaners))\n"
             "try:\n    cleaners.no_such_name\nexcept AttributeError:\n    pass\nelse:\n    raise SystemExit(1)\n")
    _probe(probe)


def test_a_submodule_is_an_attribute_of_the_package_once_asked_for():
    """`import cleaners; cleaners.recognise.parse_date(...)` works as it did when the package loaded its parts
    eagerly; a name that is neither public nor a submodule is still an AttributeError."""

    probe = ("import sys, cleaners\n"
             "assert 'cleaners.recognise' not in sys.modules\n"
             "assert cleaners.recognise.parse_date('5 Mei 2024') == '2024-05-05'\n"
             "assert cleaners.rules.metrics.word_count('dua kata') == 2\n"
             "assert cleaners.record.Article is cleaners.Article\n"
             "for missing in ('no_such_module', '_private', '__wrapped__'):\n"
             "    try:\n        getattr(cleaners, missing)\n    except AttributeError:\n        pass\n"
             "    else:\n        raise SystemExit(f'{missing} found')\n"
             "assert not hasattr(cleaners, 'no_such_module')\n"
             "for odd in ('', '.api', 'paths.html', 'api.clean'):\n"
             "    assert not hasattr(cleaners, odd), odd\n")
    _probe(probe)


def test_a_bug_inside_a_lazily_imported_module_is_not_reported_as_a_missing_name(tmp_path):
    """An AttributeError raised while a module of the package is imported (a bug in it) surfaces as an
    ImportError naming it, for a public name (`from cleaners import clean`) and for a submodule, rather than
    as "no such attribute", which `hasattr` and `from ... import` would swallow."""
    import shutil
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    copy = tmp_path / "cleaners"
    shutil.copytree(root / "cleaners", copy, ignore=shutil.ignore_patterns("__pycache__", "fixtures"))
    with (copy / "api.py").open("a", encoding="utf-8") as api:
        api.write("\nimport os as _os\n_os.no_such_function_in_os\n")
    (copy / "buggy.py").write_text("import os\nos.no_such_function_either\n", encoding="utf-8")
    probe = ("import sys\nsys.path.insert(0, sys.argv[1])\nimport cleaners\n"
             "for attempt, needle in (('from cleaners import clean', 'no_such_function_in_os'),\n"
             "                        ('hasattr(cleaners, \"buggy\")', 'no_such_function_either')):\n"
             "    try:\n        exec(attempt)\n    except ImportError as exc:\n"
             "        assert needle in str(exc), exc\n"
             "    else:\n        raise SystemExit(f'{attempt}: no ImportError')\n")
    _probe(probe, str(tmp_path), cwd=tmp_path)
