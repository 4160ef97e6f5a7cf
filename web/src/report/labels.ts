// The words the page uses for codes and outcomes (shared/spec/diagnostics.md and
// shared/spec/book-outline.md). Codes stay visible next to their titles: they are the contract.

const CODE_TITLES: Record<string, string> = {
  'never-awaited': 'Coroutine never awaited',
  'silent-pass': 'Test passes without checking',
  'asyncmock-not-awaited': 'AsyncMock not awaited',
  'sync-mock-awaited': 'Plain Mock awaited',
  deadlock: 'Deadlock',
  'blocking-call': 'Blocking call in the event loop',
  'task-exception-unretrieved': 'Task exception never retrieved',
  'task-destroyed-pending': 'Task destroyed while pending',
  'cancellation-swallowed': 'Cancellation swallowed',
  'wrong-loop': 'Used from the wrong event loop',
  'unclosed-resource': 'Resource left open',
  timeout: 'Time limit exceeded',
};

export function codeTitle(code: string): string {
  return CODE_TITLES[code] ?? code;
}

/** What the evidence of a diagnostic is, so its toggle can say what it will show. */
export function evidenceLabel(code: string): string {
  if (code === 'deadlock') return 'Show the stuck tasks and their stacks';
  if (code === 'timeout') return 'Show where it was running at the limit';
  return 'Show the runtime evidence';
}

const RUN_OUTCOMES: Record<string, { title: string; explain: string }> = {
  'syntax-error': { title: 'Syntax error', explain: 'Python could not read a file, so no test ran.' },
  'import-error': { title: 'Import error', explain: 'A test module could not be imported, so no test ran.' },
  timeout: { title: 'The whole run timed out', explain: 'The run passed its wall-clock limit and was stopped.' },
  'resource-limit': { title: 'A sandbox limit was hit', explain: 'The sandbox stopped the run (memory, processes or output size).' },
  crashed: { title: 'The run crashed', explain: 'The test process ended without a report.' },
  'infra-error': { title: 'The service failed', explain: 'This is not your code’s fault; it was retried.' },
};

export function runOutcomeText(kind: string): { title: string; explain: string } {
  return RUN_OUTCOMES[kind] ?? { title: kind, explain: '' };
}

export function verdictText(outcome: string | null): string {
  if (outcome === 'pass') return 'Passed';
  if (outcome === 'fail') return 'Not yet';
  if (outcome === 'error') return 'Could not run';
  return 'Pending';
}

const CHAPTERS: Record<number, string> = {
  1: 'The felt problem',
  2: 'The felt problem',
  3: 'A hand-rolled event loop',
  4: 'async, await and asyncio.run',
  5: 'async, await and asyncio.run',
  6: 'Coroutines at the bytecode level',
  7: 'The production toolbox',
  8: 'The production toolbox',
  9: 'The production toolbox',
  10: 'The production toolbox',
  11: 'Debugging the common failure modes',
  12: 'Testing async code',
  13: 'Executors, bridges and shutdown',
};

export function chapterTitle(chapter: number | null): string {
  if (chapter === null) return '';
  return CHAPTERS[chapter] ? `Chapter ${chapter}: ${CHAPTERS[chapter]}` : `Chapter ${chapter}`;
}

const SCORE_PARTS: Record<string, string> = {
  hiddenTests: 'Tests that pass',
  noDiagnostics: 'No asyncio bug left',
  correctPasses: 'Your tests pass on the correct code',
  variantsCaught: 'Broken versions caught',
};

export function scorePartName(name: string): string {
  return SCORE_PARTS[name] ?? name;
}
