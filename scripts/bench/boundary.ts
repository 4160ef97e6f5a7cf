// The cost of the trust boundary (bench.ts, BENCH_BOUNDARY=1): the harness alone in one process
// against the supervisor with its uid-10001 child, each a bare `docker run` of the same files.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SUPERVISOR_COMMAND } from '@asynclab/sandbox';

/**
 * The cost of the trust boundary (docs/trust-model.md), same image, same files, same run: the
 * harness alone in one process as uid 10001 (how it ran before the boundary; still how the
 * harness's own tests run it) against the supervisor as the worker starts it (root with
 * CAP_SETUID/SETGID, learner code in a uid-10001 child).
 */
export function boundaryCost(image: string, files: Record<string, string>, count: number): { inProcess: number[]; supervised: number[] } {
  const dir = mkdtempSync(join(tmpdir(), 'asynclab-bench-'));
  chmodSync(dir, 0o755);
  for (const [path, content] of Object.entries(files)) writeFileSync(join(dir, path), content, { mode: 0o644 });
  mkdirSync(join(dir, '.asynclab'), { mode: 0o755 });
  const runJson = { testPaths: [], learnerFiles: Object.keys(files), perTestTimeoutSec: 10, blockingThresholdMs: 100 };
  writeFileSync(join(dir, '.asynclab/run.json'), JSON.stringify(runJson), { mode: 0o644 });
  const common = [
    'run',
    '--rm',
    '--network',
    'none',
    '--read-only',
    '--tmpfs',
    '/tmp',
    '--memory',
    '256m',
    '--pids-limit',
    '128',
    '--cap-drop',
    'ALL',
    '--security-opt',
    'no-new-privileges',
    '-e',
    'ASYNCLAB_REPORT_NONCE=bench',
    '-v',
    `${dir}:/work:ro`,
    '-w',
    '/work',
  ];
  const modes = {
    inProcess: [...common, '--user', '10001:10001', image, 'python3', '-m', 'asynclab_harness'],
    supervised: [...common, '--user', '0:0', '--cap-add', 'SETUID', '--cap-add', 'SETGID', image, ...SUPERVISOR_COMMAND],
  };
  const times = { inProcess: [] as number[], supervised: [] as number[] };
  try {
    for (let i = 0; i < count; i++) {
      for (const mode of ['inProcess', 'supervised'] as const) {
        const started = performance.now();
        const out = execFileSync('docker', modes[mode], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
        times[mode].push(performance.now() - started);
        if (!out.includes('"outcome":"pass"')) throw new Error(`bench: the ${mode} harness run did not pass`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return times;
}
