"""Writes each case's expected.json from the `# expect: <code>[, <code>] [test=<name>]` markers
in its source files. Run it after editing a case (python3 corpus/make_expected.py); the harness
tests check that expected.json and the markers still agree.

A case whose expected outcome is a run-level state (syntax-error, import-error) says so in a
`# expect-run: <kind>` marker instead.
"""

import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MARK = re.compile(r"#\s*expect:\s*([a-z, -]+?)\s*(?:test=(\S+))?\s*$")
RUN_MARK = re.compile(r"#\s*expect-run:\s*([a-z-]+)")


def case_dirs():
    for group in sorted(os.listdir(HERE)):
        gdir = os.path.join(HERE, group)
        if not os.path.isdir(gdir) or group.startswith(("_", ".")):
            continue
        for case in sorted(os.listdir(gdir)):
            cdir = os.path.join(gdir, case)
            if os.path.isdir(cdir):
                yield group, case, cdir


def expected_from_markers(cdir):
    diags, run = [], None
    for dirpath, _dirs, files in os.walk(cdir):
        for name in sorted(files):
            if not name.endswith(".py"):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, cdir).replace(os.sep, "/")
            with open(path, encoding="utf-8") as fh:
                for lineno, text in enumerate(fh, 1):
                    m = MARK.search(text)
                    if m:
                        for code in (c.strip() for c in m.group(1).split(",")):
                            entry = {"code": code, "file": rel, "line": lineno}
                            if m.group(2):
                                entry["test"] = m.group(2)
                            diags.append(entry)
                    r = RUN_MARK.search(text)
                    if r:
                        run = r.group(1)
    diags.sort(key=lambda d: (d["file"], d["line"], d["code"]))
    return {"runOutcome": run, "diagnostics": diags}


def main():
    for _group, _case, cdir in case_dirs():
        with open(os.path.join(cdir, "expected.json"), "w", encoding="utf-8") as fh:
            json.dump(expected_from_markers(cdir), fh, indent=2)
            fh.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
