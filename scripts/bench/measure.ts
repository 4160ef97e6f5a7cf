// The bench's measuring tools: percentiles, the machine's CPU time from /proc/stat, one
// submission followed to its report over the live events, and the bare `docker run` baseline.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PhaseTimings, SubmissionView } from '@asynclab/contracts';
import { guest, post, type Caller, type SubmissionAccepted } from '../../test/e2e/support/client';

export interface Sample {
  latencyMs: number;
  timings: PhaseTimings | null;
}

export interface Batch {
  samples: Sample[];
  wallMs: number;
  /** CPU-seconds of the whole machine (every process: dockerd, containerd, runc, python, node) per run. */
  cpuPerRun: number;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const median = (values: number[]) => percentile(values, 50);
export const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

/** Busy CPU-seconds of the whole machine so far: /proc/stat's first line, all but idle and iowait. */
export function machineCpuSeconds(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = fields;
  return (user + nice + system + irq + softirq + steal) / 100; // USER_HZ
}

/** The bench submits as one guest per service, as a browser would (the guest's session is set up once). */
const guests = new Map<string, Promise<Caller>>();
function guestOf(baseUrl: string): Promise<Caller> {
  const caller = guests.get(baseUrl) ?? guest(baseUrl);
  guests.set(baseUrl, caller);
  return caller;
}

/** Submits, follows GET /submissions/:id/events to its final event and returns the latency. */
export async function submitOne(baseUrl: string, files: Record<string, string>): Promise<Sample> {
  const caller = await guestOf(baseUrl);
  const started = performance.now();
  const created = await post<SubmissionAccepted>(baseUrl, '/submissions', { labId: 'playground', files }, caller);
  if (created.status !== 202) throw new Error(`submit answered ${created.status}`);
  const view = await finalView(`${baseUrl}/submissions/${created.body.id}/events`, caller);
  const latencyMs = performance.now() - started;
  if (view.report?.outcome !== 'pass') throw new Error(`bench submission did not pass: ${JSON.stringify(view.report?.runOutcome ?? view)}`);
  return { latencyMs, timings: view.report.timings };
}

async function finalView(url: string, caller: Caller): Promise<SubmissionView> {
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...(caller.cookie ? { cookie: caller.cookie } : {}) } });
  if (!response.body) throw new Error('no event stream');
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    const at = text.indexOf('event: final\n');
    if (at < 0) continue;
    const end = text.indexOf('\n\n', at);
    if (end < 0) continue;
    const data = text
      .slice(at, end)
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => line.slice(6))
      .join('\n');
    void reader.cancel().catch(() => undefined);
    return JSON.parse(data) as SubmissionView;
  }
  throw new Error('the event stream ended without a final event');
}

/** `spacingMs`: each client waits that long before each submission (a service idle between them). */
export async function runBatch(
  baseUrl: string,
  files: Record<string, string>,
  count: number,
  concurrency: number,
  spacingMs = 0,
): Promise<Batch> {
  const samples: Sample[] = [];
  let next = 0;
  const cpuBefore = machineCpuSeconds();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next += 1;
        if (spacingMs > 0) await new Promise((resolve) => setTimeout(resolve, spacingMs));
        samples.push(await submitOne(baseUrl, files));
      }
    }),
  );
  return { samples, wallMs: performance.now() - started, cpuPerRun: (machineCpuSeconds() - cpuBefore) / count };
}

/** `docker run --rm` of plain pytest on the same files, the limits of a sandbox, `runtime` runc or runsc. */
export function bareDockerRun(image: string, files: Record<string, string>, count: number, runtime: string, spacingMs = 0): Batch {
  const dir = mkdtempSync(join(tmpdir(), 'asynclab-bench-'));
  chmodSync(dir, 0o755); // the image runs as uid 10001, which must read the files
  for (const [path, content] of Object.entries(files)) writeFileSync(join(dir, path), content, { mode: 0o644 });
  const args = ['run', '--rm', '--runtime', runtime, '--network', 'none', '--read-only', '--tmpfs', '/tmp', '--memory', '256m'];
  args.push(
    '--pids-limit',
    '128',
    '-v',
    `${dir}:/work:ro`,
    '-w',
    '/work',
    image,
    'python3',
    '-m',
    'pytest',
    '-q',
    '-p',
    'no:cacheprovider',
  );
  const samples: Sample[] = [];
  const cpuBefore = machineCpuSeconds();
  const started = performance.now();
  try {
    for (let i = 0; i < count; i++) {
      if (spacingMs > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, spacingMs); // a synchronous sleep
      const runStarted = performance.now();
      execFileSync('docker', args, { stdio: 'ignore' });
      samples.push({ latencyMs: performance.now() - runStarted, timings: null });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { samples, wallMs: performance.now() - started, cpuPerRun: (machineCpuSeconds() - cpuBefore) / count };
}

export function runtimeAvailable(runtime: string): boolean {
  return execFileSync('docker', ['info', '--format', '{{json .Runtimes}}']).toString().includes(`"${runtime}"`);
}
