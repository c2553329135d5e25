"""Print which of the project's apps imports which (module-level and in-function imports).

    .venv/bin/python scripts/import_graph.py

The layers these edges must respect are in docs/architecture.md; `make check`
enforces them with import-linter (pyproject.toml, [tool.importlinter]).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import grimp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

APPS = (
    "config",
    "core",
    "customer",
    "marketplace",
    "cms",
    "catalog",
    "basket",
    "payments",
    "search",
    "shipping",
    "checkout",
    "dashboard",
    "storefront_theme",
    "demo",
)


def app_edges() -> dict[str, set[str]]:
    graph = grimp.build_graph(*APPS)
    edges: dict[str, set[str]] = defaultdict(set)
    for module in graph.modules:
        source = module.split(".")[0]
        for imported in graph.find_modules_directly_imported_by(module):
            target = imported.split(".")[0]
            if target != source and target in APPS:
                edges[source].add(target)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[tuple[str, str]]:
    """Pairs of apps that reach each other (an empty list: the graph is one-way)."""

    def reach(start: str) -> set[str]:
        seen, todo = set(), [start]
        while todo:
            for nxt in edges.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    reached = {app: reach(app) for app in APPS}
    return sorted((a, b) for a in APPS for b in reached[a] if a < b and a in reached[b])


if __name__ == "__main__":
    edges = app_edges()
    for app in APPS:
        print(f"{app:17} -> {', '.join(sorted(edges.get(app, ()))) or '(nothing)'}")
    found = cycles(edges)
    print("cycles:", ", ".join(f"{a} <-> {b}" for a, b in found) if found else "none")
    sys.exit(1 if found else 0)
