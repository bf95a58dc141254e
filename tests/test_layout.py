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
STAGES = {"data", "render", "plan", "site", "history", "links", "tools"}


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


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
        tree = ast.parse(path.read_text())
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
            for node in ast.walk(ast.parse(path.read_text()))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES]
    assert not long, f"{path.name}: functions over {MAX_FUNCTION_LINES} lines: {', '.join(long)}"


def test_the_package_shows_the_pipeline():
    """Stages in sub-packages; only the entry points and what every stage shares stay at the top."""
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert folders == STAGES
    top = {p.stem for p in PACKAGE.glob("*.py")}
    assert top == {"__init__", "__main__", "cli", "pipeline", "session", "reuse", "errors", "collector", "logs"}
