// Which files a lab page opens, and in which state: the learner's draft where it fits the lab,
// the starter files otherwise, then the visible tests read-only under tests/ (where the run puts
// them, so diagnostics that point into them land in the right tab).
import type { Files, LabDetail } from '../api/types';
import type { Draft } from '../store/drafts';
import type { WorkspaceFile } from '../workspace/workspace';

/** A first playground: a module and a test of it, so the Submit button does something useful at once. */
export const PLAYGROUND_TEMPLATE: Files = {
  'news.py': `import asyncio


async def fetch(source):
    await asyncio.sleep(0.01)
    return f"news from {source}"


async def fetch_all(sources):
    return await asyncio.gather(*(fetch(s) for s in sources))
`,
  'test_news.py': `import pytest

import news


@pytest.mark.asyncio
async def test_fetch_all():
    assert await news.fetch_all(["a", "b"]) == ["news from a", "news from b"]
`,
};

export function isPlayground(lab: LabDetail): boolean {
  return lab.kind === 'playground';
}

/** The files the learner edits: the draft's where they fit, the starter's otherwise. */
export function learnerFiles(lab: LabDetail, draft: Draft | null): Files {
  if (isPlayground(lab)) {
    if (draft && Object.keys(draft.files).length > 0) return draft.files;
    return Object.keys(lab.starterFiles).length > 0 ? { ...lab.starterFiles } : { ...PLAYGROUND_TEMPLATE };
  }
  const files: Files = {};
  // A lab may make a file editable that it does not start with.
  const starter: Partial<Files> = lab.starterFiles;
  for (const path of lab.editable) files[path] = draft?.files[path] ?? starter[path] ?? '';
  return files;
}

export function workspaceFiles(lab: LabDetail, editable: Files): WorkspaceFile[] {
  const files: WorkspaceFile[] = Object.entries(editable).map(([path, content]) => ({ path, content, readOnly: false }));
  if (isPlayground(lab)) return files;
  // Starter files the learner may not change (rare) and the visible tests: shown, not sent.
  for (const [path, content] of Object.entries(lab.starterFiles)) {
    if (!(path in editable)) files.push({ path, content, readOnly: true });
  }
  for (const [path, content] of Object.entries(lab.visibleTests)) files.push({ path: `tests/${path}`, content, readOnly: true });
  // A fix-tests lab: the learner reads the code their tests run against, and cannot change it.
  for (const [path, content] of Object.entries(lab.codeUnderTest ?? {})) {
    if (!(path in editable)) files.push({ path, content, readOnly: true });
  }
  return files;
}

export function sameFiles(a: Files, b: Files): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
