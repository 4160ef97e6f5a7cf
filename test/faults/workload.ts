// What each fault row submits and how it is judged, from PostgreSQL (the truth), not from the API.
import { Client } from 'pg';

/** A correct submission whose test takes `seconds`, so a fault lands while sandboxes run. */
export function slowPassingFiles(seconds: number, marker: number): Record<string, string> {
  return {
    'test_app.py': `import time

# submission ${marker}
def test_takes_a_while():
    time.sleep(${seconds})
    assert 1 + 1 == 2
`,
  };
}

export interface BurstResult {
  ids: string[];
  /** Refusals (429/503 with Retry-After) that were retried as told. */
  refusals: number;
}

/** Posts them all at once; a refusal with Retry-After is retried after it, anything else throws. */
export async function submitAll(baseUrl: string, count: number, seconds: number): Promise<BurstResult> {
  let refusals = 0;
  const submitOne = async (index: number): Promise<string> => {
    for (let tries = 0; tries < 60; tries++) {
      const response = await fetch(`${baseUrl}/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ labId: 'playground', files: slowPassingFiles(seconds, index) }),
      });
      const body = (await response.json()) as { id?: string; message?: string };
      if (response.status === 202 && body.id) return body.id;
      const retryAfter = Number(response.headers.get('retry-after'));
      if ((response.status === 429 || response.status === 503) && retryAfter > 0) {
        refusals += 1;
        await sleep(retryAfter * 1000);
        continue;
      }
      throw new Error(`submit answered ${response.status} without Retry-After: ${JSON.stringify(body)}`);
    }
    throw new Error('submit refused 60 times');
  };
  const ids = await Promise.all(Array.from({ length: count }, (_, index) => submitOne(index)));
  return { ids, refusals };
}

export interface Tally {
  submitted: number;
  /** Completed with the report a correct program earns: a pass, no run-level outcome. */
  completed: number;
  duplicated: number;
  lost: number;
  /** Final, but not a pass: an infra failure that reached the learner's report. */
  misjudged: number;
  attemptsSpent: number;
}

/** One connection per question: the PostgreSQL row restarts the server under the suite too. */
export async function query<T>(dbUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const db = new Client({ connectionString: dbUrl });
  db.on('error', () => undefined);
  await db.connect();
  try {
    return (await db.query(sql, params)).rows as T[];
  } finally {
    await db.end().catch(() => undefined);
  }
}

export async function tally(dbUrl: string, ids: string[]): Promise<Tally> {
  const rows = await query<{ status: string; outcome: string | null; run_outcome: string | null; runs: number; attempts: number }>(
    dbUrl,
    `SELECT s.status, s.outcome, s.run_outcome, s.attempts,
            (SELECT count(*)::int FROM runs r WHERE r.submission_id = s.id) AS runs
       FROM submissions s WHERE s.id = ANY($1::uuid[])`,
    [ids],
  );
  const final = rows.filter((row) => row.status === 'completed' || row.status === 'error');
  const good = final.filter((row) => row.status === 'completed' && row.outcome === 'pass' && row.run_outcome === null && row.runs === 1);
  return {
    submitted: ids.length,
    completed: good.length,
    duplicated: rows.reduce((sum, row) => sum + Math.max(0, row.runs - 1), 0),
    lost: ids.length - final.length,
    misjudged: final.length - good.length,
    attemptsSpent: rows.reduce((sum, row) => sum + row.attempts, 0),
  };
}

/** Waits until every submission is final (or the deadline passes); returns when that was. */
export async function untilAllFinal(dbUrl: string, ids: string[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await query<{ open: number }>(
      dbUrl,
      `SELECT count(*)::int AS open FROM submissions WHERE id = ANY($1::uuid[]) AND status IN ('queued', 'running')`,
      [ids],
    ).catch(() => [{ open: -1 }]); // PostgreSQL restarting: look again
    if (rows[0].open === 0) return true;
    if (Date.now() > deadline) return false;
    await sleep(250);
  }
}

export async function untilSomeRunning(dbUrl: string, ids: string[], atLeast: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await query<{ n: number }>(
      dbUrl,
      `SELECT count(*)::int AS n FROM submissions WHERE id = ANY($1::uuid[]) AND status = 'running'`,
      [ids],
    );
    if (rows[0].n >= atLeast) return;
    if (Date.now() > deadline) throw new Error(`fewer than ${atLeast} submissions started within ${timeoutMs} ms`);
    await sleep(100);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
