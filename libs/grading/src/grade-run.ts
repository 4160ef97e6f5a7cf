// What one sandbox result means as a graded run: the harness's report judged by the run rules
// when there is one, and a run-level outcome saying which limit stopped it when there is not.
import { MAIN_RUN, type GradedRun, type RunOutcome } from '@asynclab/contracts';
import { countTests } from '@asynclab/reports';
import type { ResourceLimit, SandboxResult } from '@asynclab/sandbox';
import type { PlannedRun } from './run-plan';
import { deriveOutcome, variantCaught } from './run-rules';

export interface SandboxLimitsForMessages {
  memoryMb: number;
  pids: number;
  outputCapBytes: number;
}

export function gradeRun(plan: PlannedRun, result: SandboxResult, limits: SandboxLimitsForMessages): GradedRun {
  const timings = { containerStartMs: result.timings.containerStartMs, runMs: result.timings.runMs };
  const output = { stdoutTail: result.output.stdoutTail, stderrTail: result.output.stderrTail, outputTruncated: result.output.truncated };
  const judged = (
    counts: GradedRun['counts'],
    runOutcome: RunOutcome | null,
    tests: GradedRun['tests'] = [],
    diagnostics: GradedRun['diagnostics'] = [],
  ) => (plan.variant === MAIN_RUN ? null : variantCaught({ counts, runOutcome, tests, diagnostics }));
  if (result.status === 'completed') {
    const { report } = result;
    const counts = countTests(report.tests);
    return {
      variant: plan.variant,
      outcome: deriveOutcome(report.tests, report.diagnostics, report.runOutcome),
      runOutcome: report.runOutcome,
      caught: judged(counts, report.runOutcome, report.tests, report.diagnostics),
      counts,
      tests: report.tests,
      diagnostics: report.diagnostics,
      ...output,
      timings: { ...timings, pytestMs: report.timings.totalMs },
      harnessVersion: report.harness,
    };
  }
  const runOutcome = runLevelOutcome(plan, result, limits);
  const counts = countTests([]);
  return {
    variant: plan.variant,
    outcome: 'error',
    runOutcome,
    caught: judged(counts, runOutcome),
    counts,
    tests: [],
    diagnostics: [],
    ...output,
    timings,
    harnessVersion: null,
  };
}

function runLevelOutcome(
  plan: PlannedRun,
  result: Exclude<SandboxResult, { status: 'completed' }>,
  limits: SandboxLimitsForMessages,
): RunOutcome {
  switch (result.status) {
    case 'timeout':
      return {
        kind: 'timeout',
        message: `the whole run took longer than its ${plan.timeLimitMs / 1000} s limit and was stopped; the loop never finished the tests`,
      };
    case 'resource-limit':
      return { kind: 'resource-limit', message: resourceMessage(result.limit, limits) };
    case 'no-report':
      return {
        kind: 'crashed',
        message:
          result.reason ??
          `the test process ended (exit code ${result.exitCode ?? 'unknown'}) before pytest could finish: does the code call sys.exit() or os._exit()?`,
      };
    case 'bad-layout':
      return { kind: 'crashed', message: `the files could not be laid out for the run: ${result.reason}` };
  }
}

function resourceMessage(limit: ResourceLimit, limits: SandboxLimitsForMessages): string {
  switch (limit) {
    case 'memory':
      return `the sandbox stopped the run: it used more than ${limits.memoryMb} MiB of memory`;
    case 'processes':
      return `the sandbox stopped the run: it started more than ${limits.pids} processes or threads`;
    case 'output':
      return `the sandbox stopped the run: it printed more than ${Math.round(limits.outputCapBytes / 1024 / 1024)} MiB of output`;
  }
}
