// Learner code that tries to forge its grade (issue 9). Each attempt is the failing starter of a
// graded lab plus code that attacks the harness, the report channel or the worker; the suite
// checks that each ends with what the code's real behaviour earns, in one run.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const LABS = join(__dirname, '../../../labs');
export const FIX_CODE_LAB = 'news-never-awaited';
export const FIX_TESTS_LAB = 'news-tests-never-ran';
export const PLAYGROUND = 'playground';

export const labFile = (lab: string, path: string) => readFileSync(join(LABS, lab, path), 'utf8');
const starter = labFile(FIX_CODE_LAB, 'starter/news.py');

/** Every hidden assertion and judge of the fix-code lab: none may ever reach what a learner sees. */
export function hiddenAssertions(): string[] {
  const dir = join(LABS, FIX_CODE_LAB, 'hidden');
  return readdirSync(dir)
    .flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n'))
    .map((line) => line.trim())
    .filter((line) => (line.startsWith('assert ') && line.length > 16) || line.startsWith('def judge_'));
}

/** A report saying every test passed, for attacks that try to smuggle one in. */
const FAKE_REPORT = `
import json as _json
def _fake_report(extra=0):
    ids = ["tests/test_refresh.py::test_refresh_returns_the_headlines",
           "tests/test_refresh.py::test_refresh_saves_the_headlines",
           "hidden/test_grade_refresh.py::test_one_write_per_refresh",
           "hidden/test_grade_refresh.py::test_saved_before_refresh_returns",
           "hidden/test_grade_refresh.py::test_sources_are_fetched_concurrently",
           "hidden/test_grade_refresh.py::test_empty_refresh_still_writes"]
    ids += ["hidden/test_grade_refresh.py::test_extra_%d" % i for i in range(extra)]
    return {"version": 1, "harness": "1.0.0", "runtime": {}, "outcome": "pass", "runOutcome": None,
            "counts": {"total": len(ids), "passed": len(ids), "failed": 0, "error": 0, "skipped": 0},
            "tests": [{"id": i, "outcome": "passed", "durationMs": 1.0, "message": None} for i in ids],
            "diagnostics": [], "timings": {"collectMs": 1.0, "testsMs": 1.0, "totalMs": 1.0}}
`;

const withNews = (code: string) => ({ 'news.py': `${starter}\n${FAKE_REPORT}\n${code}` });

export interface Attempt {
  name: string;
  lab: string;
  files: Record<string, string>;
  /** What the attempt must end as once the boundary holds. */
  expected: 'honest-score' | 'crashed' | 'refused';
}

export const ATTEMPTS: Attempt[] = [
  {
    name: 'rewrite harness functions',
    lab: FIX_CODE_LAB,
    expected: 'honest-score',
    files: withNews(`
try:
    import asynclab_harness.report as _r
    _orig = _r.build
    def _build(*a, **k):
        rep = _orig(*a, **k)
        fake = _fake_report()
        rep.update({k: fake[k] for k in ("outcome", "counts", "tests", "diagnostics")})
        return rep
    _r.build = _build
except Exception:
    pass
`),
  },
  {
    name: 'walk frames and modules for the nonce',
    lab: FIX_CODE_LAB,
    expected: 'honest-score',
    files: withNews(`
import os as _os, sys as _sys
def _steal():
    found = []
    for mod in list(_sys.modules.values()):
        n, fd = getattr(mod, "_NONCE", None), getattr(mod, "_REPORT_FD", None)
        if isinstance(n, list) and n and n[0]:
            found.append((n[0], fd[0] if fd else 1))
    for frame in _sys._current_frames().values():
        while frame is not None:
            for value in list(frame.f_locals.values()):
                if isinstance(value, str) and len(value) == 32 and value.isalnum():
                    found.append((value, 1))
            frame = frame.f_back
    for path in ("/proc/1/environ", "/proc/self/environ"):
        try:
            for item in open(path, "rb").read().split(b"\\0"):
                if item.startswith(b"ASYNCLAB_REPORT_NONCE="):
                    found.append((item.split(b"=", 1)[1].decode(), 1))
        except OSError:
            pass
    for nonce, fd in found:
        if nonce.strip("0"):
            _os.write(fd, ("\\n@@ASYNCLAB-REPORT %s@@\\n%s\\n" % (nonce, _json.dumps(_fake_report()))).encode())
            _os._exit(0)
_steal()
`),
  },
  {
    name: 'inject a pytest plugin that no-ops every test',
    lab: FIX_CODE_LAB,
    expected: 'honest-score',
    // Only news.py is editable (no conftest.py): register the plugin from the module under test,
    // which pytest imports during collection, through the pytest session found up the stack.
    files: withNews(`
import sys as _sys
class _NoOp:
    def pytest_pyfunc_call(self, pyfuncitem):
        return True
_NoOp.pytest_pyfunc_call.tryfirst = True
_f = _sys._getframe()
while _f is not None:
    _session = _f.f_locals.get("session") or getattr(_f.f_locals.get("self"), "session", None)
    if getattr(_session, "config", None) is not None:
        _session.config.pluginmanager.register(_NoOp(), "asynclab-noop")
        break
    _f = _f.f_back
`),
  },
  {
    name: 'print a fake report then os._exit',
    lab: FIX_CODE_LAB,
    expected: 'crashed',
    files: withNews(`
import os as _os
print("\\n@@ASYNCLAB-REPORT " + "0" * 32 + "@@\\n" + _json.dumps(_fake_report()), flush=True)
_os._exit(0)
`),
  },
  {
    name: 'replace harness modules in sys.modules',
    lab: FIX_CODE_LAB,
    expected: 'honest-score',
    files: withNews(`
import sys as _sys, types as _types
_fake = _types.ModuleType("asynclab_harness.report")
_fake.dump = lambda report: _json.dumps(_fake_report())
_fake.build = lambda *a, **k: _fake_report()
_sys.modules["asynclab_harness.report"] = _fake
try:
    import asynclab_harness as _h
    _h.report = _fake
except Exception:
    pass
`),
  },
  {
    // Graded labs accept only their editable files; the playground takes any layout.
    name: 'shadow the harness package from /work',
    lab: PLAYGROUND,
    expected: 'honest-score',
    files: {
      'test_fails.py': 'def test_fails():\n    assert 1 + 1 == 3\n',
      'asynclab_harness/__init__.py': '',
      'asynclab_harness/__main__.py': `${FAKE_REPORT}
import os
print("\\n@@ASYNCLAB-REPORT %s@@\\n%s" % (os.environ.get("ASYNCLAB_REPORT_NONCE", ""), _json.dumps(_fake_report())))
`,
    },
  },
  {
    name: 'read and print the hidden tests',
    lab: FIX_CODE_LAB,
    expected: 'honest-score',
    files: withNews(`
import glob as _glob
_leak = []
for _p in sorted(set(_glob.glob("/work/**/*", recursive=True) + _glob.glob("/work/.asynclab/**/*", recursive=True)
                     + _glob.glob("/opt/**/*.py", recursive=True))):
    try:
        _leak.append("== %s\\n%s" % (_p, open(_p).read()))
    except Exception as _e:
        _leak.append("== %s: %s" % (_p, _e))
print("\\n".join(_leak))
_Cache_store = Cache.store
async def _store(self, headlines):
    raise AssertionError("\\n".join(l for l in _leak if "hidden" in l or "judge" in l)[-1900:])
Cache.store = _store
`),
  },
  {
    name: 'fingerprint the code under test in a fix-tests lab',
    lab: FIX_TESTS_LAB,
    expected: 'honest-score',
    files: {
      'test_news.py': `import hashlib, pathlib
import news

SOLUTION = "${createHash('sha256').update(labFile(FIX_TESTS_LAB, 'solution/news.py')).digest('hex')}"

def test_the_code_is_the_reference():
    assert hashlib.sha256(pathlib.Path(news.__file__).read_bytes()).hexdigest() == SOLUTION
`,
    },
  },
  {
    name: 'exit with code 137',
    lab: FIX_CODE_LAB,
    expected: 'crashed',
    files: withNews(`
import os as _os
_os._exit(137)
`),
  },
  {
    name: 'write a trailing byte after the report',
    lab: FIX_CODE_LAB,
    expected: 'honest-score',
    files: withNews(`
import os as _os
_real_exit = _os._exit
def _exit(code):
    try:
        _os.write(1, b"x")
    except OSError:
        pass
    _real_exit(code)
_os._exit = _exit
`),
  },
  {
    name: 'NUL characters in test messages',
    lab: FIX_CODE_LAB,
    expected: 'honest-score',
    files: withNews(`
async def _store(self, headlines):
    raise AssertionError("before\\x00after")
Cache.store = _store
`),
  },
  {
    name: 'unpaired surrogates in test messages',
    lab: FIX_CODE_LAB,
    expected: 'honest-score',
    files: withNews(`
async def _store(self, headlines):
    raise AssertionError("lone \\udcff surrogate")
Cache.store = _store
`),
  },
  {
    name: 'a file that is also a folder',
    lab: PLAYGROUND,
    expected: 'refused',
    files: { 'test_fails.py': 'def test_fails():\n    assert False\n', 'news.py': 'x = 1\n', 'news.py/extra.py': 'x = 1\n' },
  },
  {
    name: 'a report of 50,000 tests',
    lab: FIX_CODE_LAB,
    expected: 'crashed',
    files: withNews(`
try:
    import asynclab_harness.report as _r
    _orig = _r.build
    def _build(*a, **k):
        rep = _orig(*a, **k)
        fake = _fake_report(50_000)
        rep.update({k: fake[k] for k in ("outcome", "counts", "tests", "diagnostics")})
        return rep
    _r.build = _build
except Exception:
    pass
`),
  },
];
