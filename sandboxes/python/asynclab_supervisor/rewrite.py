"""Equivalent rewrites of the code under test in a fix-tests run (docs/trust-model.md).

Every run of a fix-tests submission (the correct code and each broken variant) gets its code
under test re-printed from the AST with fresh local names, no docstrings or comments, and a fresh
random marker, so a test that recognises the code by its text (a hash, a line, a name) cannot
tell the correct code from a variant: only behaviour can.
"""

import ast
import builtins
import secrets

_NO_RENAME_CALLS = {"locals", "vars", "eval", "exec", "dir"}


def rewrite_source(source: str, token: str) -> str:
    tree = ast.parse(source)
    _strip_docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            _rename_locals(node, token)
    marker = ast.parse(f"_asynclab_rewrite_{token} = None").body[0]
    tree.body.insert(_after_future_imports(tree), marker)
    return ast.unparse(ast.fix_missing_locations(tree)) + "\n"


def rewrite_file(path: str) -> None:
    try:
        with open(path, encoding="utf-8") as fh:
            source = fh.read()
        rewritten = rewrite_source(source, secrets.token_hex(4))
    except (OSError, SyntaxError, ValueError):
        return  # the child reports what is wrong with the file
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(rewritten)


def _after_future_imports(tree) -> int:
    index = 0
    for index, node in enumerate(tree.body):
        if not (isinstance(node, ast.ImportFrom) and node.module == "__future__"):
            return index
    return len(tree.body)


def _strip_docstrings(tree) -> None:
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                    and isinstance(body[0].value.value, str):
                body[:] = body[1:] or [ast.Pass()]


def _own_nodes(func):
    """The nodes of a function's own scope: not those of nested functions, lambdas or classes."""
    stack = list(func.body)
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        stack.extend(ast.iter_child_nodes(node))


def _rename_locals(func, token: str) -> None:
    """Renames the names a function assigns (not its parameters, globals or nonlocals), when no
    nested scope uses them and the function does not look at its own namespace."""
    own = list(_own_nodes(func))
    params = {a.arg for a in func.args.posonlyargs + func.args.args + func.args.kwonlyargs}
    params |= {a.arg for a in (func.args.vararg, func.args.kwarg) if a is not None}
    declared = set()
    for node in own:
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            declared.update(node.names)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _NO_RENAME_CALLS:
            return
    nested = set()
    for node in own:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            nested.update(n.id for n in ast.walk(node) if isinstance(n, ast.Name))
            nested.update(n.arg for n in ast.walk(node) if isinstance(n, ast.arg))
    stored = {n.id for n in own if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    renamable = stored - params - declared - nested - set(dir(builtins))
    if not renamable:
        return
    mapping = {name: f"_v{i}_{token}" for i, name in enumerate(sorted(renamable))}
    for node in own:
        if isinstance(node, ast.Name) and node.id in mapping:
            node.id = mapping[node.id]
