"""The shape of textcheck's imports: no cycles, no rule importing another rule, and
no module outside the lexicon package reading a lexicon file.

The graph is built from the source with ``ast`` from every import, at module level
and inside functions (an import inside a function is still a dependency: moving it
there only hides a cycle), except those under ``if TYPE_CHECKING:``.  An import of
a module's own parent package does not count (``textcheck.rules.base`` importing
``textcheck.rules`` is how a package and its parts live together).

Each check is a plain function over a folder so the negative self-tests at the end
can prove on tiny synthetic packages that it fails when it should.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "textcheck"

# Import edges left out of the graph on purpose, each with its reason.  Empty: the package has
# no cycle, and an entry that no longer closes one fails test_allowed_edges_are_still_needed.
ALLOWED_EDGES: set[tuple[str, str]] = set()

# Infrastructure of the rules package, not rules: the registry, the base class, the docs parser.
RULE_INFRASTRUCTURE = {"__init__", "base", "docs"}

LEXICON_PACKAGE = "lexicon"
YAML_MODULES = {"yaml", "ruamel", "ruamel.yaml"}
YAML_LOADERS = {"load_yaml", "safe_load", "safe_load_all", "full_load", "unsafe_load", "data_file"}
LEXICON_FILE = re.compile(r"^[\w./-]*\w\.(?:ya?ml|tsv)$")

MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 80


# --------------------------------------------------------------------------- the graph


def modules(root: Path, package: str | None = None) -> dict[str, Path]:
    """Dotted module name → file, for every .py under ``root`` (a package folder)."""
    package = package or root.name
    out = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join([package, *parts])] = path
    return out


def _is_type_checking(node: ast.If) -> bool:
    t = node.test
    return (isinstance(t, ast.Name) and t.id == "TYPE_CHECKING") or (
        isinstance(t, ast.Attribute) and t.attr == "TYPE_CHECKING")


def _walk(tree: ast.AST):
    """Every node except those under ``if TYPE_CHECKING:`` (its ``else`` still counts)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, ast.If) and _is_type_checking(node):
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))


def _base_package(name: str, path: Path) -> list[str]:
    """The package a relative import starts from."""
    parts = name.split(".")
    return parts if path.name == "__init__.py" else parts[:-1]


def imported_names(name: str, path: Path, tree: ast.AST) -> list[str]:
    """Every dotted name the module imports (``from a import b`` gives ``a.b``: b may be a module)."""
    out = []
    for node in _walk(tree):
        if isinstance(node, ast.Import):
            out.extend(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = _base_package(name, path)
                base = base[: len(base) - (node.level - 1)]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            out.extend(f"{mod}.{a.name}" if a.name != "*" else mod for a in node.names)
    return out


def _resolve(dotted: str, known: dict[str, Path]) -> str | None:
    """The longest known module a dotted name starts with (``a.b.func`` → ``a.b``)."""
    parts = dotted.split(".")
    for n in range(len(parts), 0, -1):
        candidate = ".".join(parts[:n])
        if candidate in known:
            return candidate
    return None


def build_graph(root: Path, package: str | None = None) -> dict[str, set[str]]:
    known = modules(root, package)
    graph: dict[str, set[str]] = {}
    for name, path in known.items():
        tree = ast.parse(path.read_text("utf-8"), str(path))
        targets = set()
        for dotted in imported_names(name, path, tree):
            target = _resolve(dotted, known)
            if target is None or target == name or name.startswith(target + "."):
                continue  # outside the package, itself, or its own parent package
            targets.add(target)
        graph[name] = targets
    return graph


def find_cycles(graph: dict[str, set[str]], allowed=frozenset()) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each as a cycle path."""
    edges = {a: sorted(b for b in bs if (a, b) not in allowed and b in graph) for a, bs in graph.items()}
    index, low, on_stack, stack, comps = {}, {}, set(), [], []
    counter = [0]

    def visit(v):
        work = [(v, iter(edges[v]))]
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    comp = []
                    while True:
                        w = stack.pop()
                        on_stack.discard(w)
                        comp.append(w)
                        if w == node:
                            break
                    if len(comp) > 1:
                        comps.append(comp)
            elif child not in index:
                index[child] = low[child] = counter[0]
                counter[0] += 1
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(edges[child])))
            elif child in on_stack:
                low[node] = min(low[node], index[child])

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return [_cycle_path(sorted(c), edges) for c in comps]


def _cycle_path(comp: list[str], edges) -> list[str]:
    """One concrete cycle through the component's first module, for the failure message."""
    members, start = set(comp), comp[0]
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for child in edges[node]:
            if child == start:
                return paths[node] + [start]
            if child in members and child not in paths:
                paths[child] = paths[node] + [child]
                queue.append(child)
    return comp


def rule_cross_imports(graph: dict[str, set[str]], rules_package: str) -> list[tuple[str, str]]:
    """(rule module, other rule module) pairs: a rule reads shared logic from the kit, not a sibling."""
    def is_rule(mod):
        return (mod.startswith(rules_package + ".")
                and mod[len(rules_package) + 1:].split(".")[0] not in RULE_INFRASTRUCTURE)

    return sorted((a, b) for a, bs in graph.items() if is_rule(a) for b in bs if is_rule(b))


def lexicon_file_readers(root: Path, package: str | None = None, lexicon: str = LEXICON_PACKAGE) -> list[str]:
    """"module: what" for each module outside the lexicon package that imports a YAML library,
    calls a YAML loader or names a .yml/.yaml/.tsv file."""
    package = package or root.name
    own = f"{package}.{lexicon}"
    found = []
    for name, path in modules(root, package).items():
        if name == own or name.startswith(own + "."):
            continue
        tree = ast.parse(path.read_text("utf-8"), str(path))
        docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                      if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                      and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
        for dotted in imported_names(name, path, tree):
            if dotted in YAML_MODULES or dotted.split(".")[0] in YAML_MODULES or dotted.split(".")[-1] in YAML_LOADERS:
                found.append(f"{name}: imports {dotted}")
        for node in _walk(tree):
            if isinstance(node, ast.Call):
                f = node.func
                called = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
                if called in YAML_LOADERS:
                    found.append(f"{name}:{node.lineno}: calls {called}")
            elif (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
                  and LEXICON_FILE.match(node.value)):
                found.append(f"{name}:{node.lineno}: names {node.value}")
    return sorted(set(found))


def oversized(root: Path) -> list[str]:
    out = []
    for name, path in modules(root).items():
        src = path.read_text("utf-8")
        lines = len(src.splitlines())
        if lines > MAX_MODULE_LINES:
            out.append(f"{name} ({lines} lines)")
        for node in ast.walk(ast.parse(src)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = node.end_lineno - node.lineno + 1
                if n > MAX_FUNCTION_LINES:
                    out.append(f"{name}.{node.name} ({n} lines)")
    return out


# --------------------------------------------------------------------------- textcheck itself


@pytest.fixture(scope="module")
def graph():
    return build_graph(ROOT)


def test_no_import_cycles(graph):
    cycles = find_cycles(graph, ALLOWED_EDGES)
    assert not cycles, "import cycles:\n" + "\n".join(" → ".join(c) for c in cycles)


def test_allowed_edges_are_still_needed(graph):
    """An allowlisted edge that no longer closes a cycle is stale: drop it so it cannot hide a new one."""
    cyclic = [set(c) for c in find_cycles(graph)]
    stale = sorted(e for e in ALLOWED_EDGES
                   if e[1] not in graph.get(e[0], ()) or not any(set(e) <= c for c in cyclic))
    assert not stale, f"remove from ALLOWED_EDGES: {stale}"


def test_no_rule_imports_another_rule(graph):
    assert rule_cross_imports(graph, "textcheck.rules") == []


def test_only_the_lexicon_package_reads_lexicon_files():
    assert lexicon_file_readers(ROOT) == []


def test_module_and_function_sizes():
    assert oversized(ROOT) == []


# --------------------------------------------------------------------------- the checks can fail


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "pkg"
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, "utf-8")
    for d in [root, *[p for p in root.rglob("*") if p.is_dir()]]:
        (d / "__init__.py").touch()
    return root


def test_self_cycle_found_through_a_function_level_import(tmp_path):
    root = _package(tmp_path, {
        "a.py": "from pkg import b\n",
        "b.py": "def f():\n    from pkg.c import g\n",
        "c.py": "import pkg.a\n",
    })
    cycles = find_cycles(build_graph(root))
    assert cycles == [["pkg.a", "pkg.b", "pkg.c", "pkg.a"]]
    assert find_cycles(build_graph(root), {("pkg.c", "pkg.a")}) == []


def test_self_type_checking_imports_and_parent_package_do_not_count(tmp_path):
    root = _package(tmp_path, {
        "__init__.py": "from pkg.sub.x import X\n",
        "a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.b import B\n",
        "b.py": "from . import a\n",
        "sub/x.py": "from pkg import sub\nimport pkg\nX = 1\n",
    })
    graph = build_graph(root)
    assert graph["pkg.a"] == set()
    assert graph["pkg.b"] == {"pkg.a"}
    assert graph["pkg.sub.x"] == set()
    assert find_cycles(graph) == []


def test_self_relative_imports_resolve(tmp_path):
    root = _package(tmp_path, {"sub/y.py": "from ..a import f\nfrom . import z\n", "a.py": "", "sub/z.py": ""})
    assert build_graph(root)["pkg.sub.y"] == {"pkg.a", "pkg.sub.z"}


def test_self_rule_importing_a_rule_is_found(tmp_path):
    root = _package(tmp_path, {
        "rules/base.py": "",
        "rules/tc1.py": "from pkg.rules.base import Rule\nfrom pkg.kit import helper\n",
        "rules/tc2.py": "from pkg.rules.tc1 import x\n",
        "rules/_shared.py": "",
        "rules/tc3.py": "def f():\n    from pkg.rules import _shared\n",
        "kit.py": "",
    })
    assert rule_cross_imports(build_graph(root), "pkg.rules") == [
        ("pkg.rules.tc2", "pkg.rules.tc1"), ("pkg.rules.tc3", "pkg.rules._shared")]


def test_self_lexicon_file_readers_are_found(tmp_path):
    root = _package(tmp_path, {
        "lexicon/files.py": "import yaml\nyaml.safe_load(open('x.yml'))\n",
        "a.py": "import yaml\n",
        "b.py": "from pkg.lexicon import load_yaml\n",
        "c.py": "def f(p):\n    return open(p / 'words.tsv')\n",
        "d.py": '"""Reads lexicons/columns.yml through the lexicon."""\nSUFFIXES = (".tsv", ".txt")\n',
    })
    found = lexicon_file_readers(root)
    assert [f.split(":")[0] for f in found] == ["pkg.a", "pkg.b", "pkg.c"]


def test_self_oversized_function_is_found(tmp_path):
    body = "".join(f"    x{i} = {i}\n" for i in range(MAX_FUNCTION_LINES))
    root = _package(tmp_path, {"big.py": f"def f():\n{body}"})
    assert oversized(root) == ["pkg.big.f (81 lines)"]
