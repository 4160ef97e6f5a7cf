"""Questions about the learner's source that the runtime cannot answer.

The runtime says *where* (a file and a line); the syntax tree says *what* is there: is that line
inside an `assert`, which `except` clause around this `await` catches a cancellation, where is
the `def` of the function whose code object we hold. Parsed once per file and cached.
"""

import ast
import linecache
from typing import Dict, List, Optional

_trees: Dict[str, Optional[ast.AST]] = {}

CANCEL_NAMES = {"CancelledError", "BaseException"}


def tree(filename: str) -> Optional[ast.AST]:
    if filename not in _trees:
        try:
            with open(filename, encoding="utf-8") as fh:
                source = fh.read()
            _trees[filename] = ast.parse(source, filename)
        except (OSError, SyntaxError, ValueError, UnicodeDecodeError):
            _trees[filename] = None
    return _trees[filename]


def source_line(filename: str, line: int) -> str:
    return linecache.getline(filename, line).strip()


def _contains(node: ast.AST, line: int) -> bool:
    start = getattr(node, "lineno", None)
    end = getattr(node, "end_lineno", None) or start
    return start is not None and start <= line <= end


def nodes_at(filename: str, line: int, kinds) -> List[ast.AST]:
    """Nodes of the given kinds spanning `line`, outermost first."""
    root = tree(filename)
    out: List[ast.AST] = []
    if root is None:
        return out

    def visit(node):
        for child in ast.iter_child_nodes(node):
            if _contains(child, line) or not hasattr(child, "lineno"):
                if isinstance(child, kinds) and _contains(child, line):
                    out.append(child)
                visit(child)

    visit(root)
    return out


def in_assert(filename: str, line: int) -> bool:
    return any(_contains(n.test, line) for n in nodes_at(filename, line, (ast.Assert,)))


def function_at(filename: str, name: str, firstlineno: int):
    """The def of a code object: co_firstlineno is the first decorator line, so match by span."""
    root = tree(filename)
    if root is None:
        return None
    best = None
    for node in ast.walk(root):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == name:
            start = min([d.lineno for d in node.decorator_list] + [node.lineno])
            if start == firstlineno or node.lineno == firstlineno:
                return node
            best = best or node
    return best


def def_line(filename: str, code) -> int:
    node = function_at(filename, code.co_name, code.co_firstlineno)
    return node.lineno if node is not None else code.co_firstlineno


def has_checks(func_node) -> bool:
    """Does this function check anything (assert, mock assert_*, pytest.fail)?"""
    if func_node is None:
        return False
    for node in _walk_own_body(func_node):
        if isinstance(node, ast.Assert):
            return True
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr.startswith("assert_") or node.func.attr == "fail":
                return True
    return False


def _walk_own_body(func_node):
    """Walk a function's body without descending into nested defs and lambdas."""
    stack = list(func_node.body)
    while stack:
        node = stack.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
                stack.append(child)


walk_own_body = _walk_own_body


def dotted(node) -> str:
    """`asyncio.CancelledError` -> 'asyncio.CancelledError'; other expressions -> ''."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted(node.value)
        return base + "." + node.attr if base else ""
    return ""


def catches_cancel(handler: ast.ExceptHandler) -> bool:
    if handler.type is None:
        return True
    types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(dotted(t).split(".")[-1] in CANCEL_NAMES for t in types)


def reraises(handler: ast.ExceptHandler) -> bool:
    """Any `raise` in the handler counts: a conditional re-raise is the learner's decision."""
    return any(isinstance(n, ast.Raise) for n in _walk_own_body(handler))


def swallowing_handler(filename: str, line: int) -> Optional[ast.ExceptHandler]:
    """The innermost `except` around `line` that would catch a CancelledError and not re-raise it.

    Also finds `with contextlib.suppress(CancelledError):` (returned as the With node).
    """
    nodes = nodes_at(filename, line, (ast.Try, ast.With, ast.AsyncWith))
    for node in reversed(nodes):
        if isinstance(node, ast.Try):
            if not any(_contains(stmt, line) for stmt in node.body):
                continue  # the line is in a handler or finally block: this try does not catch it
            for handler in node.handlers:
                if catches_cancel(handler):
                    if reraises(handler):
                        return None  # caught, then re-raised: the cancellation goes on
                    return handler
        else:
            for item in node.items:
                call = item.context_expr
                if isinstance(call, ast.Call) and dotted(call.func).split(".")[-1] == "suppress":
                    if any(dotted(a).split(".")[-1] in CANCEL_NAMES for a in call.args):
                        return node
    return None


def await_target(filename: str, line: int):
    """The expression awaited (or entered with `async with`/`async for`) on `line`."""
    root = tree(filename)
    if root is None:
        return None
    for node in ast.walk(root):
        if getattr(node, "lineno", None) != line and not (
            isinstance(node, ast.Await) and _contains(node, line)
        ):
            continue
        if isinstance(node, ast.Await):
            return node.value
        if isinstance(node, ast.AsyncWith):
            return node.items[0].context_expr
        if isinstance(node, ast.AsyncFor):
            return node.iter
    return None


def module_assignment_line(filename: str, name: str) -> Optional[int]:
    root = tree(filename)
    if root is None:
        return None
    for node in getattr(root, "body", []):
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            return node.lineno
    return None


def resolve(expr, frame):
    """The object a simple expression (`name`, `a.b.c`, `a.b(...)` -> `a.b`) names in a live
    frame, read from namespaces only: no attribute hooks run, no call is made."""
    if isinstance(expr, ast.Call):
        return resolve(expr.func, frame)
    if isinstance(expr, ast.Name):
        scopes = (frame.f_locals, frame.f_globals, frame.f_builtins)
        return next((s[expr.id] for s in scopes if expr.id in s), None)
    if isinstance(expr, ast.Attribute):
        owner = resolve(expr.value, frame)
        if owner is None:
            return None
        namespace = getattr(owner, "__dict__", None)
        if not isinstance(namespace, dict):
            return None
        children = namespace.get("_mock_children")  # a Mock keeps its attributes here
        if isinstance(children, dict) and expr.attr in children:
            return children[expr.attr]
        return namespace.get(expr.attr)
    return None


def call_text(filename: str, line: int, attr: str) -> str:
    """The source of the callee on `line` whose last attribute is `attr` (`client.close`)."""
    root = tree(filename)
    if root is None:
        return ""
    for node in ast.walk(root):
        if isinstance(node, ast.Call) and getattr(node, "lineno", None) == line:
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name == attr:
                return ast.unparse(func)
    return ""


_awaited_calls: Dict[tuple, bool] = {}
_positions: Dict[object, list] = {}


def awaited_call_at(code, lasti: int) -> bool:
    """Is the call a frame is making at instruction `lasti` the operand of an `await`? The
    instruction's source span (co_positions) is exactly the span of its `ast.Call` node."""
    spans = _positions.get(code)
    if spans is None:
        spans = _positions[code] = list(code.co_positions())
    try:
        span = spans[lasti // 2]
    except IndexError:
        return False
    key = (code.co_filename, span)
    if key not in _awaited_calls:
        _awaited_calls[key] = _is_awaited_call(code.co_filename, span)
    return _awaited_calls[key]


def _is_awaited_call(filename: str, span) -> bool:
    line, end_line, col, end_col = span
    if line is None or col is None:
        return False
    for node in nodes_at(filename, line, (ast.Await,)):
        call = node.value
        if isinstance(call, ast.Call) and (call.lineno, call.end_lineno, call.col_offset,
                                           call.end_col_offset) == (line, end_line, col, end_col):
            return True
    return False
