// Proves a lab teaches what it claims, through a real sandbox: the starter fails and shows every
// code the lab declares; the reference solution passes with no diagnostic; in a fix-tests lab the
// reference tests catch every broken variant and the starter tests let at least one through.
import { MAIN_RUN, variantOfRun, type Diagnostic, type Files, type ReportOutcome } from '@asynclab/contracts';
import type { LoadedLab } from '@asynclab/lab-catalog';
import type { SandboxDriver } from '@asynclab/sandbox';
import { gradeRun } from './grade-run';
import { isJudge, planRuns } from './run-plan';

export interface LabCheck {
  labId: string;
  kind: string;
  /** Each failed expectation, in words; empty when the lab is sound. */
  problems: string[];
  starterCodes: string[];
  solutionDiagnostics: string[];
  variants: { name: string; caughtByReference: boolean; caughtByStarter: boolean }[];
  seconds: number;
}

interface RunSummary {
  variant: string;
  outcome: ReportOutcome;
  caught: boolean;
  diagnostics: Diagnostic[];
  detail: string;
}

export async function checkLab(lab: LoadedLab, sandbox: SandboxDriver): Promise<LabCheck> {
  const started = Date.now();
  const { manifest } = lab.content;
  const check: LabCheck = {
    labId: manifest.id,
    kind: manifest.kind,
    problems: [],
    starterCodes: [],
    solutionDiagnostics: [],
    variants: [],
    seconds: 0,
  };
  if (manifest.kind === 'playground') return { ...check, seconds: 0 };

  check.problems.push(...hiddenCheckProblems(lab.content.hidden));
  const pick = (files: Files) => Object.fromEntries(manifest.editable.map((path) => [path, files[path]]));
  const starter = await runAll(lab, pick(lab.content.starter), sandbox);
  const solution = await runAll(lab, pick(lab.content.solution), sandbox);
  const starterMain = runNamed(starter, MAIN_RUN);
  const solutionMain = runNamed(solution, MAIN_RUN);

  check.starterCodes = unique(starter.flatMap((run) => run.diagnostics.map((d) => d.code)));
  check.solutionDiagnostics = solutionMain.diagnostics.map((d) => `${d.code} ${d.location.file}:${d.location.line}`);
  for (const code of manifest.exhibits) {
    if (!check.starterCodes.includes(code))
      check.problems.push(`starter does not show ${code} (it shows: ${check.starterCodes.join(', ') || 'nothing'})`);
  }
  const starterDiagnostics = starter.flatMap((run) => run.diagnostics);
  for (const [code, expected] of Object.entries(manifest.exhibitsAt)) {
    const lines = expected.map((line) => `${line.file}:${lineOf(lab.content.starter[line.file] ?? '', line.pattern, line.occurrence)}`);
    const found = starterDiagnostics.filter((d) => d.code === code).map((d) => `${d.location.file}:${d.location.line}`);
    if (!found.some((place) => lines.includes(place))) {
      check.problems.push(`starter shows ${code} at ${found.join(', ') || 'no line'}, expected one of ${lines.join(', ')}`);
    }
  }
  if (solutionMain.outcome !== 'pass') check.problems.push(`solution does not pass: ${solutionMain.detail}`);
  if (check.solutionDiagnostics.length > 0) check.problems.push(`solution has diagnostics: ${check.solutionDiagnostics.join('; ')}`);

  if (manifest.kind === 'fix-code') {
    if (starterMain.outcome === 'pass') check.problems.push('starter passes: nothing to fix');
  } else {
    for (const run of solution.filter((r) => r.variant !== MAIN_RUN)) {
      const starterRun = runNamed(starter, run.variant);
      check.variants.push({
        name: variantOfRun(run.variant) ?? run.variant,
        caughtByReference: run.caught,
        caughtByStarter: starterRun.caught,
      });
    }
    const missedByReference = check.variants.filter((v) => !v.caughtByReference).map((v) => v.name);
    if (missedByReference.length > 0) check.problems.push(`reference tests miss variants: ${missedByReference.join(', ')}`);
    const starterLies = starterMain.outcome === 'pass' && check.variants.some((v) => !v.caughtByStarter);
    const starterShowsBug = manifest.exhibits.length > 0 && manifest.exhibits.every((code) => check.starterCodes.includes(code));
    if (!starterLies && !starterShowsBug) check.problems.push('starter tests neither let a variant through nor show the declared codes');
  }
  check.seconds = Math.round((Date.now() - started) / 100) / 10;
  return check;
}

async function runAll(lab: LoadedLab, learnerFiles: Files, sandbox: SandboxDriver): Promise<RunSummary[]> {
  const summaries: RunSummary[] = [];
  for (const plan of planRuns(lab.content, learnerFiles)) {
    const result = await sandbox.run({
      runId: `labs-check/${lab.content.manifest.id}/${plan.variant}`,
      files: plan.files,
      config: plan.config,
      timeLimitMs: plan.timeLimitMs,
    });
    // The same judgement as a learner's submission gets; only the messages' limits are not needed.
    const run = gradeRun(plan, result, { memoryMb: 0, pids: 0, outputCapBytes: 0 });
    const failing = run.tests.filter((t) => t.outcome !== 'passed').map((t) => `${t.id} ${t.outcome}`);
    const detail = run.runOutcome
      ? `${run.runOutcome.kind}: ${run.runOutcome.message}`
      : failing.join('; ') || `${run.tests.length} tests, outcome ${run.outcome}`;
    summaries.push({ variant: plan.variant, outcome: run.outcome, caught: run.caught === true, diagnostics: run.diagnostics, detail });
  }
  return summaries;
}

/**
 * Every hidden test must be a driver with a judge (docs/lab-format.md, "Hidden checks"): a hidden
 * test judged inside the learner's process could be forged, so none may slip in unjudged.
 */
export function hiddenCheckProblems(hidden: Files): string[] {
  const problems: string[] = [];
  const judges = Object.entries(hidden).filter(([path]) => isJudge(path));
  for (const [path, source] of Object.entries(hidden)) {
    if (isJudge(path) || !/(^|\/)test_[^/]*\.py$/.test(path)) continue;
    const driver = `hidden/${path}`;
    const judge = judges.find(([, text]) => new RegExp(`^DRIVER = ["']${driver.replace(/[.]/g, '\\.')}["']`, 'm').test(text));
    if (!judge) {
      problems.push(`${driver} has no judge (a hidden/judge_*.py with DRIVER = "${driver}")`);
      continue;
    }
    for (const [, name] of source.matchAll(/^(?:async )?def (test\w*)/gm)) {
      if (!new RegExp(`^def judge_${name}\\(`, 'm').test(judge[1]))
        problems.push(`${driver}::${name} has no judge_${name} in hidden/${judge[0]}`);
    }
    if (/^\s*assert /m.test(source)) problems.push(`${driver} asserts: expected values belong in its judge`);
  }
  return problems;
}

/** Both runs come from the same plan, so every run name is in both; a missing one is a bug here. */
function runNamed(runs: RunSummary[], name: string): RunSummary {
  const run = runs.find((r) => r.variant === name);
  if (!run) throw new Error(`lab self-check: no run named ${name}`);
  return run;
}

/** The 1-based number of the `occurrence`-th line containing `pattern`, or 0. */
function lineOf(text: string, pattern: string, occurrence: number): number {
  let seen = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].includes(pattern) && ++seen === occurrence) return i + 1;
  }
  return 0;
}

function unique(values: string[]): string[] {
  return [...new Set(values)].sort();
}
