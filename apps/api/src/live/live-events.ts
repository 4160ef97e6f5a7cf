// The Server-Sent Events of GET /submissions/:id/events, as the browser receives them. Their
// names and data shapes are declared in @asynclab/contracts (live-events.ts), which the page shares.
import type { MessageEvent } from '@nestjs/common';
import { LiveEventName, type StatusEventData, type SubmissionStatus, type SubmissionView } from '@asynclab/contracts';

export function statusEvent(id: string, status: SubmissionStatus, position: number | null): MessageEvent {
  const data: StatusEventData = { id, status, position, at: new Date().toISOString() };
  return { type: LiveEventName.Status, data };
}

/** The last event: the whole submission, exactly as GET /submissions/:id answers. */
export function finalEvent(view: SubmissionView): MessageEvent {
  return { type: LiveEventName.Final, data: view };
}

/** A comment line: browsers ignore it, proxies see traffic and keep the connection open. */
export const KEEP_ALIVE: MessageEvent = { comment: 'keep-alive' };
