"""The static witness for streams left open: `reader, writer = await asyncio.open_connection(...)`
and then a `return` or `raise` that leaves the function before `writer.close()` on its path.

The runtime sees a stream left open only through a ResourceWarning when its transport is
garbage-collected, which often never happens in a test run (the loop or the peer closes the
socket first, or something still holds it). Reading the function shows it on every run.

It never guesses: a function whose writer (or reader) goes anywhere but its own method calls
(returned, stored, passed on) hands the stream to someone else and is skipped, as are exits in
an `except` of the `try` that opened the stream (the open itself may be what failed) and exits
inside a `try` whose `finally` closes the writer.
"""

import ast

from .. import astindex

OPENERS = {"asyncio.open_connection", "asyncio.open_unix_connection"}
CLOSERS = {"close", "abort"}


def streams_left_open(sym):
    for func in (n for n in ast.walk(sym.tree) if isinstance(n, ast.AsyncFunctionDef)):
        paths = _paths(func)
        for opened in (n for n in paths if _opens(sym, n)):
            names = [e.id for e in opened.targets[0].elts if isinstance(e, ast.Name)]
            writer = names[-1] if names else None
            if writer is None or _escapes(func, set(names)):
                continue
            closes = [n for n in paths if isinstance(n, ast.Expr) and _closes(n.value, writer)]
            for exit_ in (n for n in paths if isinstance(n, (ast.Return, ast.Raise))):
                if not _after(paths, opened, exit_):
                    continue
                if any(_after(paths, opened, c) and _after(paths, c, exit_) for c in closes):
                    continue
                if _finally_closes(paths, exit_, writer):
                    continue
                how = "returns" if isinstance(exit_, ast.Return) else "raises"
                yield ("unclosed-resource", opened.lineno,
                       f"the connection opened at line {opened.lineno} in `async def {func.name}` is "
                       f"left open when the function {how} at line {exit_.lineno}: `{writer}.close()` "
                       f"is never reached on that path",
                       f"{ast.unparse(opened)}\n...\n{ast.unparse(exit_)}  # line {exit_.lineno}: "
                       f"leaves without {writer}.close()")
                break


def _opens(sym, node) -> bool:
    if not isinstance(node, ast.Assign) or len(node.targets) != 1:
        return False
    target, value = node.targets[0], node.value
    return (isinstance(target, ast.Tuple) and isinstance(value, ast.Await)
            and isinstance(value.value, ast.Call) and sym.qualified(value.value.func) in OPENERS)


def _paths(func):
    """Every statement of the function's own body (no nested defs) -> its path from the function
    body down: (block id, index) for a statement in a block, then (statement id, field) for the
    block of that statement it is nested in."""
    out = {}

    def visit(stmts, prefix):
        for i, stmt in enumerate(stmts):
            path = prefix + [(id(stmts), i)]
            out[stmt] = path
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue
            for field in ("body", "orelse", "finalbody"):
                block = getattr(stmt, field, None)
                if block and isinstance(block, list):
                    visit(block, path + [(id(stmt), field)])
            for n, handler in enumerate(getattr(stmt, "handlers", None) or []):
                visit(handler.body, path + [(id(stmt), f"handler{n}")])
            for n, case in enumerate(getattr(stmt, "cases", None) or []):
                visit(case.body, path + [(id(stmt), f"case{n}")])

    visit(func.body, [])
    return out


# Blocks of one `try` that run after each other when no exception is raised in between.
TRY_ORDER = {("body", "orelse"), ("body", "finalbody"), ("orelse", "finalbody")}


def _after(paths, first, later) -> bool:
    """Does `later` run after `first` on some path: a later statement of a block that (directly
    or through the statements nesting it) holds `first`, or a later block of the same `try`?"""
    a, b = paths[first], paths[later]
    for depth in range(min(len(a), len(b))):
        (owner_a, pos_a), (owner_b, pos_b) = a[depth], b[depth]
        if owner_a != owner_b:
            return False
        if pos_a == pos_b:
            continue
        if isinstance(pos_a, int):
            return pos_b > pos_a
        return (pos_a, pos_b) in TRY_ORDER or (pos_a.startswith("handler") and pos_b == "finalbody")
    return False


def _root(expr):
    while isinstance(expr, (ast.Attribute, ast.Call)):
        expr = expr.func if isinstance(expr, ast.Call) else expr.value
    return expr.id if isinstance(expr, ast.Name) else None


def _closes(expr, writer) -> bool:
    if isinstance(expr, ast.Await):
        expr = expr.value
    return (isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute)
            and expr.func.attr in CLOSERS and _root(expr.func) == writer)


def _escapes(func, names) -> bool:
    """A stream name used other than as `name.attr` (calls and reads of its own members), or
    rebound: it goes somewhere this check cannot follow."""
    allowed = set()
    for node in astindex.walk_own_body(func):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            allowed.add(id(node.value))
        if isinstance(node, ast.Assign):
            for target in node.targets:
                for elt in (target.elts if isinstance(target, ast.Tuple) else [target]):
                    if isinstance(elt, ast.Name):
                        allowed.add(id(elt))
    assigned = 0
    for node in astindex.walk_own_body(func):
        if isinstance(node, ast.Name) and node.id in names:
            if isinstance(node.ctx, ast.Store):
                assigned += 1
            elif id(node) not in allowed:
                return True
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            if any(isinstance(n, ast.Name) and n.id in names for n in ast.walk(node)):
                return True  # a closure uses the stream
    return assigned > len(names)


def _finally_closes(paths, exit_, writer) -> bool:
    """Is the exit inside a `try` whose `finally` closes the writer, or in the body of a `try`
    one of whose `except` clauses closes it (a raise caught there to clean up)?"""
    where = paths[exit_]
    for node, path in paths.items():
        if not isinstance(node, ast.Try) or where[:len(path)] != path or exit_ in node.finalbody:
            continue
        if _block_closes(node.finalbody, writer):
            return True
        in_body = len(where) > len(path) and where[len(path)] == (id(node), "body")
        if in_body and any(_block_closes(h.body, writer) for h in node.handlers):
            return True
    return False


def _block_closes(stmts, writer) -> bool:
    return any(isinstance(n, ast.Expr) and _closes(n.value, writer) for n in stmts)
