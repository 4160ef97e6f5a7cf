"""Which names in a file are coroutine functions, and which module attributes are blocking.

Enough name resolution for the witness's questions, no more: a file's own `async def`s (module
level, and methods reached through `self.`), the `async def`s it imports from the learner's other
modules, and the aliases under which it imported `time`, `requests`, `socket`, ...
"""

import ast
import os
from typing import Dict, Set


def async_defs(tree: ast.AST) -> Dict[str, ast.AsyncFunctionDef]:
    """Module-level `async def`s by name."""
    return {n.name: n for n in getattr(tree, "body", []) if isinstance(n, ast.AsyncFunctionDef)}


def async_methods(tree: ast.AST) -> Dict[str, ast.AsyncFunctionDef]:
    out = {}
    for cls in (n for n in getattr(tree, "body", []) if isinstance(n, ast.ClassDef)):
        for node in cls.body:
            if isinstance(node, ast.AsyncFunctionDef):
                out[node.name] = node
    return out


class FileSymbols:
    def __init__(self, path: str, tree: ast.AST, modules: Dict[str, ast.AST], root: str):
        self.path = path
        self.tree = tree
        self.coroutines: Dict[str, ast.AsyncFunctionDef] = dict(async_defs(tree))
        self.methods = async_methods(tree)
        self.module_coroutines: Dict[str, Dict[str, ast.AsyncFunctionDef]] = {}
        self.coroutine_files: Dict[str, str] = {name: path for name in self.coroutines}
        self.aliases: Dict[str, str] = {}  # local name -> dotted origin ("sleep" -> "time.sleep")
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    local = alias.asname or alias.name.split(".")[0]
                    self.aliases[local] = alias.name if alias.asname else local
                    other = modules.get(alias.name)
                    if other is not None:
                        self.module_coroutines[local] = async_defs(other)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                other = modules.get(node.module)
                for alias in node.names:
                    local = alias.asname or alias.name
                    self.aliases[local] = f"{node.module}.{alias.name}"
                    if other is not None and alias.name in async_defs(other):
                        self.coroutines[local] = async_defs(other)[alias.name]
                        self.coroutine_files[local] = module_path(root, node.module)

    def coroutine_called(self, call: ast.Call):
        """(name, def node, defining file) when `call` calls a known `async def`."""
        func = call.func
        if isinstance(func, ast.Name) and func.id in self.coroutines:
            return func.id, self.coroutines[func.id], self.coroutine_files[func.id]
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            owner = func.value.id
            if owner == "self" and func.attr in self.methods:
                return func.attr, self.methods[func.attr], self.path
            mod = self.module_coroutines.get(owner, {})
            if func.attr in mod:
                return f"{owner}.{func.attr}", mod[func.attr], module_path("", self.aliases.get(owner, owner))
        return None

    def qualified(self, func: ast.AST) -> str:
        """`sleep` -> 'time.sleep' when imported so; `time.sleep` -> 'time.sleep'."""
        if isinstance(func, ast.Name):
            return self.aliases.get(func.id, func.id)
        if isinstance(func, ast.Attribute):
            base = self.qualified(func.value)
            return f"{base}.{func.attr}" if base else ""
        return ""


def module_path(root: str, module: str) -> str:
    return os.path.join(root, *module.split(".")) + ".py"


def module_names(paths) -> Dict[str, str]:
    """learner file path -> importable module name ('pkg/mod.py' -> 'pkg.mod')."""
    out = {}
    for rel, path in paths:
        name = rel[:-3].replace("/", ".")
        if name.endswith(".__init__"):
            name = name[: -len(".__init__")]
        out[name] = path
    return out


BLOCKING_CALLS: Set[str] = {
    "time.sleep",
    "requests.get", "requests.post", "requests.put", "requests.delete", "requests.head",
    "requests.patch", "requests.request",
    "urllib.request.urlopen",
    "socket.create_connection", "socket.getaddrinfo", "socket.gethostbyname",
    "subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output",
    "os.system", "input",
}
