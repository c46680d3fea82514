"""The import graph of `game/`, read with `ast` (issue 8, items 8 and 9): no cycle, the
core imports nothing of the front ends, and the core never imports pygame.

Every import that runs counts, at the top of a module or inside a function; imports
under `if TYPE_CHECKING:` do not (they never run). Importing `a.b.c` runs the package
`a.b` too, so it counts as importing `a/b/__init__.py` as well: that is how a widget
importing `ui.screens.base` would pull in every screen. Run this file to print the graph:
`python tests/test_import_graph.py`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GAME = ROOT / "game"


def module_names() -> dict[str, Path]:
    """Every module of the game by its dotted name (a package by its own name)."""
    found = {}
    for path in sorted(GAME.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node except what is under `if TYPE_CHECKING:`."""
    todo = [tree]
    while todo:
        node = todo.pop()
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            todo.extend(node.orelse)
            continue
        yield node
        todo.extend(ast.iter_child_nodes(node))


def imported(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The game's modules that `name` imports when it runs."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")
                base = ".".join(up[: len(up) - node.level + 1] + ([base] if base else []))
            targets.add(base)
            targets.update(f"{base}.{alias.name}" for alias in node.names)
    found = set()
    for target in targets:
        parts = target.split(".")
        for n in range(2, len(parts) + 1):  # the module and every package it runs
            candidate = ".".join(parts[:n])
            if candidate in modules and not name.startswith(candidate + ".") \
                    and candidate != name:
                found.add(candidate)
    return found


def import_graph() -> dict[str, set[str]]:
    """Module -> the game's modules it imports."""
    modules = module_names()
    return {name: imported(name, path, modules) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's, with a stack)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def test_the_game_has_no_import_cycle() -> None:
    assert cycles(import_graph()) == []


def test_the_core_imports_nothing_of_the_front_ends_nor_pygame() -> None:
    modules = module_names()
    for name, path in modules.items():
        if not name.startswith("game.core"):
            continue
        for target in imported(name, path, modules):
            assert not target.startswith(("game.ui", "game.commands", "game.cli")), (
                f"{name} imports {target}")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in _runtime_nodes(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) \
                    else [node.module or ""]
                assert not any(n.split(".")[0] == "pygame" for n in names), name


def test_widgets_do_not_import_screens_and_the_cli_is_imported_by_nobody() -> None:
    graph = import_graph()
    assert not any(t.startswith("game.ui.screens") for t in graph["game.ui.widgets"])
    importers = [name for name, targets in graph.items() if "game.cli" in targets]
    assert importers == []


def test_a_cycle_would_be_found() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


if __name__ == "__main__":
    for module, targets in sorted(import_graph().items()):
        inside = sorted(t.removeprefix("game.") for t in targets)
        print(f"{module.removeprefix('game.') or 'game'}: {', '.join(inside) or '-'}")
