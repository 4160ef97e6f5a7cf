// The fleet as Redis sees it: every worker process writes its record (name, host, pid,
// concurrency, the jobs it is running) under one key with a short TTL, refreshed by its
// heartbeat. A record that is gone is a worker that is gone; the admin page lists the rest.
export const WORKER_RECORD_PREFIX = 'asynclab:workers:';

export interface WorkerRecord {
  id: string;
  name: string;
  host: string;
  pid: number;
  concurrency: number;
  dockerEngine: string;
  runningJobs: string[];
  startedAt: string;
  lastHeartbeat: string;
  draining: boolean;
}

export function parseWorkerRecord(text: string | null): WorkerRecord | null {
  if (!text) return null;
  try {
    const record = JSON.parse(text) as WorkerRecord;
    return typeof record.id === 'string' && typeof record.host === 'string' ? record : null;
  } catch {
    return null;
  }
}
