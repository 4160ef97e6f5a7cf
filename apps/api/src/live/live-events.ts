// The Server-Sent Events of GET /submissions/:id/events, as the browser receives them. The web
// page (web/src/api/live.ts) matches on these event names: add new ones, never rename.
import type { MessageEvent } from '@nestjs/common';
import type { SubmissionView } from '../submissions/submissions.service';

export type LiveStatus = 'queued' | 'running' | 'completed' | 'error';

export interface StatusEventData {
  id: string;
  status: LiveStatus;
  /** While queued: 1-based place among the waiting jobs; null when not known or not waiting. */
  position: number | null;
  at: string;
}

export const FINAL_STATUSES: readonly LiveStatus[] = ['completed', 'error'];

export function isFinal(status: string): boolean {
  return (FINAL_STATUSES as readonly string[]).includes(status);
}

/** Statuses only move forward; an older answer that arrives late must not move a stream back. */
export function statusRank(status: string): number {
  if (status === 'queued') return 0;
  if (status === 'running') return 1;
  return isFinal(status) ? 2 : -1;
}

export function statusEvent(id: string, status: LiveStatus, position: number | null): MessageEvent {
  const data: StatusEventData = { id, status, position, at: new Date().toISOString() };
  return { type: 'status', data };
}

/** The last event: the whole submission, exactly as GET /submissions/:id answers. */
export function finalEvent(view: SubmissionView): MessageEvent {
  return { type: 'final', data: view as unknown as object };
}

/** A comment line: browsers ignore it, proxies see traffic and keep the connection open. */
export const KEEP_ALIVE: MessageEvent = { comment: 'keep-alive' };
