"""`make lint`'s layout check: no import cycle, and no site family named outside its home.

    python -m testing.check_layout

1. Import cycles among the project's modules (cleaners, crawler, testing), counting every import: at module
   level, inside functions, and under `if TYPE_CHECKING:` (a type-only back-edge is still a cycle in the
   design). An import names the module it imports from (`from ..rules import Rule` is an edge to
   `cleaners.rules`), as import-linter and pylint count them.
2. Family names: the names of the registered families and the site names in their hosts (e.g. a profile
   `example` with hosts `(?:www\\.)?example\\.co\\.id`) may appear, in code or comments, only in the family's
   folder (`cleaners/sites/<family>/`), in spider modules (`crawler/spiders/`, apart from the shared `base`
   and the any-site `news`), and in `testing/builders/` (the generators of the reconstructed fixture pages,
   which render each family's template by design).

Prints one line per problem and exits 1 if there is any.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("cleaners", "crawler", "testing")
#: Where a family may be named (paths relative to the checkout).
FAMILY_HOMES = (re.compile(r"^cleaners/sites/[a-z0-9_]+/"), re.compile(r"^crawler/spiders/(?!base\.py$|news\.py$|__init__\.py$)"),
                re.compile(r"^testing/builders/"))


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "fixtures" not in path.relative_to(ROOT).parts:
                found[module_name(path)] = path
    return found


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The project modules `name` imports anywhere in its source."""
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            # `from pkg import mod` imports the module pkg.mod; `from mod import name` imports mod.
            targets = [f"{source}.{alias.name}" if f"{source}.{alias.name}" in modules else source
                       for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(10_000)
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def family_words() -> dict[str, str]:
    """Word -> family: each family's name and the site names in its host patterns."""
    sys.path.insert(0, str(ROOT))
    from cleaners.sites import PROFILES

    words = {}
    for profile in PROFILES:
        words[profile.name.lower()] = profile.name
        for host in profile.hosts:
            # The label before the public suffix: "(?:www\.)?example\.co\.id" -> "example".
            for label in re.findall(r"([a-z0-9-]{4,})\\\.(?:com|co\\\.id|id|tv|net|org)\b", host):
                words[label.lower()] = profile.name
    return words


def misplaced_family_names(modules: dict[str, Path]) -> list[str]:
    words = family_words()
    pattern = re.compile("|".join(sorted(map(re.escape, words), key=len, reverse=True)), re.I)
    problems = []
    for path in modules.values():
        relative = path.relative_to(ROOT).as_posix()
        if any(home.match(relative) for home in FAMILY_HOMES):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in pattern.finditer(line):
                problems.append(f"{relative}:{number}: names the family {words[match.group(0).lower()]!r} "
                                f"({match.group(0)!r}) outside its folder")
    return problems


def main() -> int:
    modules = project_modules()
    graph = {name: imports_of(name, path, modules) for name, path in modules.items()}
    problems = [f"import cycle: {' -> '.join(component)}" for component in cycles(graph)]
    problems += misplaced_family_names(modules)
    for problem in problems:
        print(problem)
    if not problems:
        print(f"layout: {len(modules)} modules, no import cycle, no family named outside its folder")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
