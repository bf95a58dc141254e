"""The code's shape, checked: no mutable module-level state (a build session holds what a process
keeps), short modules and functions, and the pipeline's stages in their own sub-packages."""
from __future__ import annotations

import ast
import dataclasses
import datetime
import enum
import functools
import importlib
import inspect
import logging
import re
import types
import typing
from pathlib import Path

import jinja2
import pytest
from pydantic.fields import FieldInfo

from .conftest import ROOT

PACKAGE = ROOT / "build_scripts"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 40
# The one module-level object allowed to change: MkDocs calls a hook with no context of its own and
# keeps the hook's module for the whole `mkdocs serve` process, so the session's caches live there.
ALLOWED_STATE = {("build_scripts.site.mkdocs_hook", "PROCESS_CACHES")}
# Memoised functions are allowed only as pure functions of text: the same string always gives the
# same result, so the memo can never change what a build makes.
PURE_TYPES = {"str", "bytes", "int", "bool", "Md", "t.Md"}
STAGES = {"data", "render", "plan", "site", "effects", "history", "links", "tools"}


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


@functools.lru_cache(maxsize=None)
def parsed(path: Path) -> ast.Module:
    """A module's syntax tree, parsed once for all the checks below (which only read it)."""
    return ast.parse(path.read_text())


def immutable(value, seen: int = 0) -> bool:
    """A value no code can change in place (recursively, for containers)."""
    if seen > 8:
        return False
    if isinstance(value, (str, bytes, int, float, complex, bool, type(None), re.Pattern, Path, enum.Enum, type,
                          types.ModuleType, types.FunctionType, types.BuiltinFunctionType, logging.Logger,
                          typing.TypeVar, jinja2.Template, range, datetime.date, datetime.timedelta,
                          FieldInfo)) or value is typing.Any:
        return True
    if isinstance(value, (tuple, frozenset)):
        return all(immutable(v, seen + 1) for v in value)
    if isinstance(value, types.MappingProxyType):
        return all(immutable(k, seen + 1) and immutable(v, seen + 1) for k, v in value.items())
    if dataclasses.is_dataclass(value) and value.__dataclass_params__.frozen:  # type: ignore[union-attr]
        return all(immutable(getattr(value, f.name), seen + 1) for f in dataclasses.fields(value))
    if isinstance(value, functools.partial):
        return immutable(value.func) and immutable(value.args) and not value.keywords
    return type(value).__module__ in ("typing", "typing_extensions", "types")  # annotations' forms


def top_level_names(body: list[ast.stmt]) -> list[str]:
    """Names assigned at module level, also by tuple unpacking and inside top-level if/try blocks."""
    names = []
    for node in body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] \
            if isinstance(node, (ast.AnnAssign, ast.AugAssign)) else []
        for target in targets:
            names += [n.id for n in ast.walk(target) if isinstance(n, ast.Name)]
        for block in ("body", "orelse", "finalbody") if isinstance(node, (ast.If, ast.Try)) else ():
            names += top_level_names(getattr(node, block, []))
        for handler in node.handlers if isinstance(node, ast.Try) else ():
            names += top_level_names(handler.body)
    return names


def test_no_mutable_module_level_state():
    """Every module-level name holds a value that cannot change (no caches, registries or flags),
    no function rebinds a global, and memoised functions are pure functions of text."""
    found = []
    for path in MODULES:
        name = module_name(path)
        tree = parsed(path)
        if path.name == "__main__.py":  # runs the command line when imported
            continue
        module = importlib.import_module(name)
        found += [f"{name}: `global` at line {n.lineno}" for n in ast.walk(tree) if isinstance(n, ast.Global)]
        for var in top_level_names(tree.body):
            if (name, var) not in ALLOWED_STATE and var != "__all__" and not immutable(getattr(module, var)):
                found.append(f"{name}.{var} is a {type(getattr(module, var)).__name__}")
        for attr, value in vars(module).items():
            if hasattr(value, "cache_info") and getattr(value, "__module__", None) == name:
                found += _impure_memo(name, attr, value)
    assert not found, "mutable module-level state (hand it to the build session instead):\n" + "\n".join(found)


def _impure_memo(module: str, attr: str, function) -> list[str]:
    signature = inspect.signature(function.__wrapped__)
    kinds = [p.annotation for p in signature.parameters.values()] + [signature.return_annotation]
    if all(isinstance(k, str) and {part.strip() for part in k.split("|")} <= PURE_TYPES for k in kinds):
        return []
    return [f"{module}.{attr} is memoised but not a pure function of text ({signature})"]


def test_the_state_check_would_catch_a_cache():
    assert not immutable({}) and not immutable([]) and not immutable({1}) and not immutable((1, []))
    assert immutable(types.MappingProxyType({"a": (1, "b")})) and immutable(frozenset({"x"}))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_modules_and_functions_are_short(path):
    lines = path.read_text().count("\n")
    assert lines <= MAX_MODULE_LINES, f"{path.name} has {lines} lines (at most {MAX_MODULE_LINES}): split it by concept"
    long = [f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
            for node in ast.walk(parsed(path))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES]
    assert not long, f"{path.name}: functions over {MAX_FUNCTION_LINES} lines: {', '.join(long)}"


def test_the_package_shows_the_pipeline():
    """Stages in sub-packages; only the entry points and what every stage shares stay at the top."""
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert folders == STAGES
    top = {p.stem for p in PACKAGE.glob("*.py")}
    assert top == {"__init__", "__main__", "cli", "config", "caches", "asset_paths", "pipeline", "session", "reuse",
                   "errors", "collector", "logs"}


# The floors of the house, lowest first: a module imports its own floor and those below. Within the
# plan, the engine adapter above it and the side effects below it, a reader can tell what may call what.
FLOORS = (
    {"errors", "collector", "reuse", "config", "asset_paths"},  # shared by all; config reads the environment, once
    {"data"},  # the model, loading and the editorial rules
    {"logs"},
    {"effects"},  # the one owner of side effects: writing files, drawing chart images with Chromium
    {"history", "links"},  # git history and the network commands (through effects)
    {"render"},  # pure: view, fragments, pages, charts
    {"plan"},  # which pages and files a build makes
    {"caches"},  # one cache per stage, held by the session
    {"pipeline"},
    {"session"},
    {"site", "cli"},  # the engine adapter (MkDocs/ProperDocs hook) and the command line
    {"tools", "__main__"},
)
# The imports allowed to run back up, each with its reason.
UPWARD = {
    ("data.migrating", "effects.writing"):
        "`make migrate` rewrites the data files in place; only the data stage knows their text and layout",
}


def room(module: str) -> str:
    """A module's room: its stage's folder, or the top-level module itself."""
    return module.removeprefix("build_scripts.").split(".")[0]


def floor_of(module: str) -> int:
    return next(i for i, rooms in enumerate(FLOORS) if room(module) in rooms)


@functools.lru_cache(maxsize=None)
def imports_of(path: Path) -> frozenset[str]:
    """The build_scripts modules a module imports (also inside functions and TYPE_CHECKING blocks)."""
    found = set()
    for node in ast.walk(parsed(path)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("build_scripts"):
            folder = ROOT.joinpath(*node.module.split("."))
            found |= {f"{node.module}.{a.name}" if (folder / f"{a.name}.py").exists() else node.module
                      for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("build_scripts.")}
    return frozenset(found)


def test_every_import_runs_down_but_the_named_ones():
    """No module imports a higher floor (which also rules out import loops between floors), except
    the imports named in UPWARD, each with its reason: at most two."""
    assert len(UPWARD) <= 2
    upward = set()
    for path in MODULES:
        name = module_name(path)
        if room(name) == "__init__":
            continue
        for target in imports_of(path):
            if room(target) != "__init__" and floor_of(target) > floor_of(name):
                upward.add((name.removeprefix("build_scripts."), target.removeprefix("build_scripts.")))
    assert upward == set(UPWARD), f"imports that run back up: {sorted(upward - set(UPWARD))}"


def test_no_import_loop():
    """No module reaches itself through the imports of build_scripts (inside a floor, too)."""
    graph = {module_name(p): {t for t in imports_of(p) if t in {module_name(m) for m in MODULES}} for p in MODULES}
    done: set[str] = set()

    def visit(node: str, trail: tuple[str, ...]) -> None:
        assert node not in trail, f"import loop: {' -> '.join(trail[trail.index(node):] + (node,))}"
        if node not in done:
            for target in sorted(graph.get(node, ())):
                visit(target, (*trail, node))
            done.add(node)

    for node in sorted(graph):
        visit(node, ())


EFFECTFUL = {"os", "subprocess", "shutil", "asyncio", "tempfile", "socket", "ctypes", "urllib.request", "http.client",
             "kaleido", "requests"}  # doors to files, processes, the environment and the network


@functools.lru_cache(maxsize=None)
def effectful(path: Path) -> frozenset[str]:
    """What in a module writes a file, starts a process or reads the environment: its imports of the
    standard library's doors to them, and its own file writes."""
    tree = parsed(path)
    found = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names if a.name in EFFECTFUL}
    found |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module in EFFECTFUL}
    calls = [n.func for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)]
    found |= {f".{f.attr}()" for f in calls if f.attr in {"write_text", "write_bytes", "mkdir", "unlink", "rename"}}
    return frozenset(found | ({"effects/"} if path.parent.name == "effects" else set()))


def test_render_does_no_io():
    """render/ reaches, through all it imports, no module that writes a file, starts a process or reads
    the environment: those live in effects/ (and config.py, history's git, links' network)."""
    paths = {module_name(p): p for p in MODULES}
    for path in sorted((PACKAGE / "render").glob("*.py")):
        reached, todo = set(), [module_name(path)]
        while todo:
            name = todo.pop()
            if name in reached or name not in paths:
                continue
            reached.add(name)
            todo += imports_of(paths[name])
        doors = {name: effectful(paths[name]) for name in sorted(reached) if effectful(paths[name])}
        assert not doors, f"{path.name} reaches side effects: {doors}"


def environment_reads(path: Path) -> list[int]:
    """The lines where a module touches the environment: os.environ, os.getenv, os.putenv."""
    tree = ast.parse(path.read_text())
    return sorted({n.lineno for n in ast.walk(tree)
                   if (isinstance(n, ast.Attribute) and n.attr in {"environ", "getenv", "putenv", "unsetenv"})
                   or (isinstance(n, ast.ImportFrom) and n.module == "os"
                       and any(a.name in {"environ", "getenv", "putenv"} for a in n.names))})


def test_only_config_reads_the_environment():
    """Every environment variable the build, the network commands and the tools use is read in config.py,
    once: a stage is handed its values and never reads them itself."""
    readers = {module_name(p): environment_reads(p) for p in MODULES if p.name != "config.py"}
    assert {name: lines for name, lines in readers.items() if lines} == {}


def test_the_environment_check_would_catch_a_read(tmp_path):
    module = tmp_path / "stage.py"
    module.write_text("import os\nfrom os import getenv\n\nFLAG = os.environ.get('X')\n")
    assert environment_reads(module) == [2, 4]
