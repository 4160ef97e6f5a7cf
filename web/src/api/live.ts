// Follows one submission over Server-Sent Events: the server pushes every change and a final
// event with the whole submission, then ends the stream. No polling: the browser's EventSource
// also reconnects by itself after a dropped connection, and the server then resends the state.
import { LiveEventName } from '../../../libs/contracts/src/live-events';
import { api } from './client';
import type { StatusEvent, SubmissionView } from './types';

export interface LiveHandlers {
  status(event: StatusEvent): void;
  final(view: SubmissionView): void;
  /** Something went wrong with the stream; `gaveUp` is false while the browser retries. */
  problem(message: string, gaveUp: boolean): void;
}

/** Starts following; the returned function stops it (leaving the page, a new submission). */
export function followSubmission(id: string, handlers: LiveHandlers): () => void {
  const source = new EventSource(api.eventsUrl(id));
  let finished = false;
  source.addEventListener(LiveEventName.Status, (event) => {
    handlers.status(JSON.parse((event as MessageEvent<string>).data) as StatusEvent);
  });
  source.addEventListener(LiveEventName.Final, (event) => {
    finished = true;
    source.close(); // the server ends the stream now; without close() the browser would reconnect
    handlers.final(JSON.parse((event as MessageEvent<string>).data) as SubmissionView);
  });
  source.addEventListener('error', (event) => {
    if (finished) return;
    const serverSaid = (event as MessageEvent<unknown>).data;
    if (typeof serverSaid === 'string' && serverSaid) {
      source.close();
      handlers.problem(`The live status failed: ${serverSaid}`, true);
    } else if (source.readyState === EventSource.CLOSED) {
      handlers.problem('The live status could not be opened. Reload the page to see the result.', true);
    } else {
      handlers.problem('The live status connection dropped; reconnecting…', false);
    }
  });
  return () => {
    finished = true;
    source.close();
  };
}
