"""The static checks, one function per bug class. Each yields (code, line, message, evidence).

They only look at one file at a time and never guess: a call is "to a coroutine function" only
when the callee is an `async def` this file defines or imports from the learner's modules.
Runtime findings at the same line win over these (see diagnostics.py), so a check here can be
simple; its job is to show the bug even when the tests never ran the line.
"""

import ast

from .. import astindex
from .symbols import BLOCKING_CALLS

FUNC_NODES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)


def dropped_coroutines(sym, is_test_file: bool):
    """`fetch(url)` as a statement, and `assert fetch(url)`."""
    for node in ast.walk(sym.tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            hit = sym.coroutine_called(node.value)
            if hit is None:
                continue
            name, definition, def_file = hit
            text = ast.unparse(node.value)
            evidence = f"{text}\n(the result of async def `{name}` is dropped: the coroutine never runs)"
            if is_test_file and def_file == sym.path and astindex.has_checks(definition):
                yield ("silent-pass", node.value.lineno,
                       f"the checks in coroutine `{name}` never run: `{text}` creates it and drops it",
                       evidence)
            else:
                yield ("never-awaited", node.value.lineno,
                       f"coroutine `{name}` is created by `{text}` and never awaited", evidence)
        elif isinstance(node, ast.Assert):
            for call in (n for n in ast.walk(node.test) if isinstance(n, ast.Call)):
                if _awaited(node.test, call):
                    continue
                hit = sym.coroutine_called(call)
                if hit is not None:
                    yield ("silent-pass", call.lineno,
                           f"`assert` on coroutine `{hit[0]}` always passes: a coroutine object is "
                           f"truthy and its body never runs",
                           f"{ast.unparse(node)}\n(`{ast.unparse(call)}` is a coroutine object, not its result)")


def _awaited(expr, call) -> bool:
    return any(isinstance(n, ast.Await) and n.value is call for n in ast.walk(expr))


def blocking_calls(sym):
    """time.sleep and friends directly inside an `async def` (not in nested sync functions)."""
    for func in (n for n in ast.walk(sym.tree) if isinstance(n, ast.AsyncFunctionDef)):
        for node in astindex.walk_own_body(func):
            if isinstance(node, ast.Call):
                name = sym.qualified(node.func)
                if name in BLOCKING_CALLS:
                    yield ("blocking-call", node.lineno,
                           f"`{name}()` inside `async def {func.name}` blocks the event loop: no other "
                           f"task runs until it returns",
                           f"{ast.unparse(node)}\n(a synchronous call inside async def `{func.name}`)")


def unmarked_async_tests(tree, strict: bool, aliases=None):
    """`async def test_*` with no asyncio marker, which strict mode skips. unittest classes are
    left to unittest_async_tests: pytest-asyncio's markers do not apply to them."""
    if not strict or _marks_asyncio(_pytestmark(tree)):
        return
    scopes = [(None, tree.body)]
    scopes += [(c, c.body) for c in tree.body if isinstance(c, ast.ClassDef) and c.name.startswith("Test")
               and not _unittest_kind(c, tree, aliases or {})]
    for cls, body in scopes:
        if cls is not None and _marks_asyncio(_pytestmark(cls)) or cls is not None and \
                any(_marks_asyncio(ast.unparse(d)) for d in cls.decorator_list):
            continue
        for node in body:
            if isinstance(node, ast.AsyncFunctionDef) and node.name.startswith("test"):
                if not any(_marks_asyncio(ast.unparse(d)) for d in node.decorator_list):
                    yield ("silent-pass", node.lineno,
                           f"async test `{node.name}` has no `@pytest.mark.asyncio`: in strict mode "
                           f"pytest skips it and none of its checks run",
                           f"async def {node.name}(...)  # no asyncio marker, asyncio_mode=strict")


def unittest_async_tests(sym):
    """`async def test_*` on a class derived from `unittest.TestCase` (directly or through classes
    of this file) but not from `IsolatedAsyncioTestCase`: TestCase calls the method, gets a
    coroutine and drops it, and the test passes. Only the standard library's TestCase counts:
    other frameworks' TestCase classes (Django's) do run async tests."""
    for cls in (n for n in sym.tree.body if isinstance(n, ast.ClassDef)):
        if _unittest_kind(cls, sym.tree, sym.aliases) != "plain":
            continue
        for node in cls.body:
            if isinstance(node, ast.AsyncFunctionDef) and node.name.startswith("test"):
                yield ("silent-pass", node.lineno,
                       f"async test `{cls.name}.{node.name}` never runs: `{cls.name}` is a plain "
                       f"`unittest.TestCase`, which calls it, gets a coroutine and drops it; use "
                       f"`unittest.IsolatedAsyncioTestCase`",
                       f"class {cls.name}(...unittest.TestCase):\n    async def {node.name}(self): ...")


def _unittest_kind(cls, tree, aliases, depth=0):
    """'plain' (unittest.TestCase), 'async' (IsolatedAsyncioTestCase), 'other' (another
    framework's TestCase) or None, following the bases through classes defined in the same file."""
    local = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}
    kinds = set()
    for base in cls.bases:
        name = astindex.dotted(base)
        head, _, rest = name.partition(".")
        full = aliases.get(head, head) + ("." + rest if rest else "")
        if full == "unittest.IsolatedAsyncioTestCase":
            kinds.add("async")
        elif full == "unittest.TestCase":
            kinds.add("plain")
        elif name in local and local[name] is not cls and depth < 8:
            kinds.add(_unittest_kind(local[name], tree, aliases, depth + 1))
        elif full.endswith("TestCase"):
            kinds.add("other")  # another framework's TestCase: it decides how tests run
    for kind in ("async", "other", "plain"):
        if kind in kinds:
            return kind
    return None


def _pytestmark(scope) -> str:
    for node in getattr(scope, "body", []):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "pytestmark"
                                                for t in node.targets):
            return ast.unparse(node.value)
    return ""


def _marks_asyncio(text: str) -> bool:
    return "mark.asyncio" in text


def swallowed_cancellations(tree):
    """`except:` / `except BaseException:` / `except CancelledError:` without raise, around await."""
    for func in (n for n in ast.walk(tree) if isinstance(n, ast.AsyncFunctionDef)):
        cancelled = _cancelled_names(func)
        for node in astindex.walk_own_body(func):
            if not isinstance(node, ast.Try):
                continue
            awaits = [n for stmt in node.body for n in _own_nodes(stmt) if isinstance(n, ast.Await)]
            if not awaits:
                continue
            if all(_waits_on_cancelled(a.value, cancelled) for a in awaits):
                continue  # `t.cancel(); try: await t; except CancelledError: pass` is the idiom
            for handler in node.handlers:
                if astindex.catches_cancel(handler) and not astindex.reraises(handler):
                    caught = ast.unparse(handler.type) if handler.type is not None else "everything"
                    yield ("cancellation-swallowed", handler.lineno,
                           f"`except` at line {handler.lineno} in `async def {func.name}` catches "
                           f"{caught} around an await and does not re-raise: a cancel() of this task "
                           f"is swallowed",
                           f"{_handler_head(handler)}\n(no `raise` in this handler)")
                    break


def _own_nodes(stmt):
    yield stmt
    for child in ast.iter_child_nodes(stmt):
        if not isinstance(child, FUNC_NODES + (ast.ClassDef,)):
            yield from _own_nodes(child)


def _cancelled_names(func) -> set:
    """What the function cancels: `t.cancel()` -> 't'; and the collections it cancels one by one,
    `for t in tasks: t.cancel()` or `[t.cancel() for t in tasks]` -> 'tasks'."""
    out = set()
    for node in astindex.walk_own_body(func):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "cancel":
            out.add(ast.unparse(node.func.value))
    for node in astindex.walk_own_body(func):
        loops = []
        if isinstance(node, (ast.For, ast.AsyncFor)):
            loops = [(node.target, node.iter)]
        elif isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
            loops = [(g.target, g.iter) for g in node.generators]
        for target, iterable in loops:
            if isinstance(target, ast.Name) and target.id in out:
                out.add(ast.unparse(iterable))
    return out


WAIT_ALL = {"gather", "wait", "wait_for", "shield"}


def _waits_on_cancelled(expr, cancelled) -> bool:
    """A teardown waiting for what it just cancelled: `await t`, `await asyncio.gather(*tasks)`,
    `await asyncio.wait(tasks)`, `await asyncio.wait_for(asyncio.gather(*tasks), 1)`. The
    CancelledError such a wait raises is the one the function asked for, not its own."""
    if ast.unparse(expr) in cancelled:
        return True
    if not isinstance(expr, ast.Call) or astindex.dotted(expr.func).split(".")[-1] not in WAIT_ALL:
        return False
    args = expr.args[:1] if astindex.dotted(expr.func).endswith(("wait", "wait_for", "shield")) else expr.args
    if not args:
        return False
    for arg in args:
        inner = arg.value if isinstance(arg, ast.Starred) else arg
        if not _waits_on_cancelled(inner, cancelled):
            return False
    return True


def _handler_head(handler) -> str:
    return f"except {ast.unparse(handler.type)}:" if handler.type is not None else "except:"
