"""One bug, one diagnostic.

Detectors report what they saw as they see it; the same bug often shows up several times (a
coroutine dropped in a loop, a warning repeated at each garbage collection, a bug seen both by
the source reader and at runtime). The Collector keys findings by code + file + line + test and,
when a run ends, applies the taxonomy's precedence rules (shared/spec/diagnostics.md, "When a bug
fits two codes") and merges the static witness in.
"""

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from . import explain

EVIDENCE_LIMIT = 4096
TRUNCATED = "…[truncated]"

# A code on the left hides the codes on the right when both point at the same line of the same
# test: the left one is the more specific name for the same bug.
HIDES_AT_SAME_LINE = {
    "silent-pass": {"never-awaited", "task-destroyed-pending", "task-exception-unretrieved"},
    "asyncmock-not-awaited": {"never-awaited"},
    "task-destroyed-pending": {"never-awaited"},
    "task-exception-unretrieved": {"never-awaited"},
    "wrong-loop": {"never-awaited"},
    "sync-mock-awaited": {"never-awaited"},
    "deadlock": {"never-awaited"},
}
# A pending task reported with these hides the codes on the right made while it ran (meta "covers":
# the file, first and last line of its coroutine function, found in the other's creation stack,
# meta "made_from") in the same test: the coroutines it made and dropped when it was destroyed are
# the same bug seen from inside, not a second one.
HIDES_INSIDE = {
    "silent-pass": {"never-awaited"},
    "task-destroyed-pending": {"never-awaited"},
}
# These hide the codes on the right anywhere in the same test: say why it hung, not only that it did.
HIDES_IN_TEST = {
    "deadlock": {"timeout", "task-destroyed-pending", "unclosed-resource"},
    "cancellation-swallowed": {"timeout", "task-destroyed-pending", "unclosed-resource"},
    "timeout": {"task-destroyed-pending", "unclosed-resource"},
}


def cut(text: str, limit: int = EVIDENCE_LIMIT) -> str:
    text = text or ""
    if len(text.encode("utf-8")) <= limit:
        return text
    room = limit - len(TRUNCATED.encode("utf-8"))
    return text.encode("utf-8")[:room].decode("utf-8", "ignore") + TRUNCATED


@dataclass
class Diagnostic:
    code: str
    message: str
    file: str
    line: int
    test: Optional[str]
    evidence: str
    source: str = "runtime"
    severity: str = ""
    hint_extra: str = ""
    seen: int = 1
    # Extra facts detectors keep for the precedence rules (never printed).
    meta: Dict = field(default_factory=dict)

    @property
    def key(self) -> Tuple:
        return (self.code, self.file, self.line, self.test)

    def to_json(self) -> dict:
        hint = explain.hint(self.code)
        if self.hint_extra:
            hint = self.hint_extra + " " + hint
        return {
            "code": self.code,
            "severity": self.severity or explain.severity(self.code),
            "message": self.message,
            "location": {"file": self.file, "line": self.line},
            "test": self.test,
            "evidence": cut(self.evidence),
            "explanation": explain.explanation(self.code),
            "hint": hint,
            "chapter": explain.chapter(self.code),
            "source": self.source,
        }


class Collector:
    def __init__(self):
        self._found: Dict[Tuple, Diagnostic] = {}

    def add(self, diag: Diagnostic) -> Diagnostic:
        existing = self._found.get(diag.key)
        if existing is not None:
            existing.seen += 1
            # An error beats a warning for the same bug (e.g. an AsyncMock checked with
            # assert_called in one place and really dropped in another).
            if diag.severity == "error":
                existing.severity = "error"
            return existing
        self._found[diag.key] = diag
        return diag

    def codes_in_test(self, test: Optional[str]) -> set:
        return {d.code for d in self._found.values() if d.test == test}

    def all(self) -> List[Diagnostic]:
        return list(self._found.values())

    def finalize(self, static: List[Diagnostic]) -> List[Diagnostic]:
        runtime = _apply_precedence(list(self._found.values()))
        return _merge_static(runtime, static)


def _apply_precedence(diags: List[Diagnostic]) -> List[Diagnostic]:
    at_line: Dict[Tuple, set] = {}
    in_test: Dict[Optional[str], set] = {}
    for d in diags:
        at_line.setdefault((d.file, d.line, d.test), set()).add(d.code)
        in_test.setdefault(d.test, set()).add(d.code)
    covering = [(d.test, d.meta["covers"], HIDES_INSIDE[d.code]) for d in diags
                 if d.code in HIDES_INSIDE and d.meta.get("covers")]
    kept = []
    for d in diags:
        made_from = d.meta.get("made_from") or [(d.file, d.line)]
        hidden = any(test == d.test and d.code in codes and f == file and first <= line <= last
                     for test, (file, first, last), codes in covering for f, line in made_from)
        for other in at_line[(d.file, d.line, d.test)]:
            if d.code in HIDES_AT_SAME_LINE.get(other, ()):
                hidden = True
        if d.test is not None:
            for other in in_test[d.test]:
                if d.code in HIDES_IN_TEST.get(other, ()):
                    hidden = True
        if not hidden:
            kept.append(d)
    return kept


def _merge_static(runtime: List[Diagnostic], static: List[Diagnostic]) -> List[Diagnostic]:
    """Found both ways: one diagnostic, source 'both'. Found only by reading: a warning."""
    by_place: Dict[Tuple, List[Diagnostic]] = {}
    for d in runtime:
        by_place.setdefault((d.file, d.line), []).append(d)
    out = list(runtime)
    seen = set()
    for s in static:
        if (s.code, s.file, s.line) in seen:
            continue
        seen.add((s.code, s.file, s.line))
        same_place = by_place.get((s.file, s.line), [])
        same_code = [d for d in same_place if d.code == s.code]
        if same_code:
            for d in same_code:
                d.source = "both"
            continue
        if same_place:
            continue  # the runtime named this line with a more specific code: it wins
        s.source = "static"
        s.severity = "warning"
        out.append(s)
    return out
