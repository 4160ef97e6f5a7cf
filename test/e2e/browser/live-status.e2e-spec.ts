// GET /submissions/:id/events against the real Redis and queue, and the page that shows it: while
// no worker runs, submissions wait in line with their place; when one starts, the stream moves on
// by itself (no polling) to running, then to the final event with the whole report, and ends.
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Browser } from 'playwright-core';
import { WorkerModule } from '../../../apps/worker/src/worker.module';
import type { StatusEventData } from '@asynclab/contracts';
import { ApiErrorBody, get, post, reportOf, SubmissionAccepted, SubmissionBody } from '../support/client';
import { closeAll } from '../support/close-all';
import { RunningService, startService } from '../support/service';
import { launchChromium, openPage } from './support/chromium';
import { buildWebBundle } from './support/web-bundle';

/** The events of GET /submissions/:id/events, typed with the API's contracts. */
type SseEvent = { type: 'status'; data: StatusEventData } | { type: 'final'; data: SubmissionBody };

/** The data of the stream's final event: the whole submission. */
function finalData(event: SseEvent | undefined): SubmissionBody {
  if (event?.type !== 'final') throw new Error(`expected the final event, got ${event?.type ?? 'none'}`);
  return event.data;
}

/** Reads a Server-Sent Events stream until it ends (or the test gives up). */
async function openStream(url: string): Promise<{ status: number; events: SseEvent[]; next: () => Promise<SseEvent | null> }> {
  const response = await fetch(url, { headers: { accept: 'text/event-stream' } });
  const events: SseEvent[] = [];
  if (!response.ok || !response.body) return { status: response.status, events, next: () => Promise.resolve(null) };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const next = async (): Promise<SseEvent | null> => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const type = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
        const data = block
          .split('\n')
          .filter((l) => l.startsWith('data: '))
          .map((l) => l.slice(6))
          .join('\n');
        if (!data) continue; // a keep-alive comment
        const event = { type, data: JSON.parse(data) as unknown } as SseEvent;
        events.push(event);
        return event;
      }
      const { value, done } = await reader.read();
      if (done) return null;
      buffer += decoder.decode(value, { stream: true });
    }
  };
  return { status: response.status, events, next };
}

const playgroundFiles = {
  'test_ok.py': 'def test_ok():\n    assert 1 + 1 == 2\n',
};

describe('the live status stream', () => {
  let api: RunningService;
  let worker: INestApplicationContext | null = null;
  let browser: Browser;

  beforeAll(async () => {
    buildWebBundle();
    api = await startService({ worker: false });
    browser = await launchChromium();
  });

  afterAll(() => closeAll(browser, worker, api));

  it("answers an unknown submission with the API's 404, not with a stream", async () => {
    const response = await fetch(`${api.baseUrl}/submissions/00000000-0000-4000-8000-000000000000/events`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as ApiErrorBody).code).toBe('SUBMISSION_NOT_FOUND');
  });

  it('tells each waiting submission its place in line, then follows it to its report when a worker starts', async () => {
    const first = await post<SubmissionAccepted>(api.baseUrl, '/submissions', { labId: 'playground', files: playgroundFiles });
    const second = await post<SubmissionAccepted>(api.baseUrl, '/submissions', { labId: 'playground', files: playgroundFiles });
    expect([first.status, second.status]).toEqual([202, 202]);

    const firstStream = await openStream(`${api.baseUrl}/submissions/${first.body.id}/events`);
    const secondStream = await openStream(`${api.baseUrl}/submissions/${second.body.id}/events`);
    expect(firstStream.status).toBe(200);
    // Right after boot the API may not have reached Redis yet and leaves the job to the sweeper:
    // the place comes with the queue's own event when the job joins the line.
    const place = async (stream: typeof firstStream, id: string): Promise<number> => {
      for (;;) {
        const event = await stream.next();
        expect(event).toMatchObject({ type: 'status', data: { id, status: 'queued' } });
        if (event?.type === 'status' && typeof event.data.position === 'number') return event.data.position;
      }
    };
    const firstPlace = await place(firstStream, first.body.id);
    expect(firstPlace).toBeGreaterThanOrEqual(1);
    expect(await place(secondStream, second.body.id)).toBe(firstPlace + 1);

    // The page shows the same: queued, with its place, while no worker runs.
    const { page, errors } = await openPage(browser, { width: 390, height: 844 }); // a phone
    await page.goto(api.baseUrl.replace(/\/api\/v1$/, '/playground'));
    await page.locator('.file-tab').first().waitFor();
    await page.getByTestId('submit').click();
    await page.locator('[data-testid="status"][data-status="queued"]').waitFor();
    await page.waitForFunction(() => /in line/.test(document.querySelector('[data-testid="status-text"]')?.textContent ?? ''));
    expect(await page.getByTestId('status-text').innerText()).toMatch(/Queued: \d+(st|nd|rd|th) in line/);

    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- Nest declares its options as a class yet takes a plain object
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });

    // Each stream now runs to its end by itself: running, completed, the whole submission, close.
    for (const [stream, id] of [
      [firstStream, first.body.id],
      [secondStream, second.body.id],
    ] as const) {
      while ((await stream.next()) !== null);
      const types = stream.events.map((e) => (e.type === 'status' ? e.data.status : e.type));
      expect(types.slice(-3)).toEqual(['running', 'completed', 'final']);
      const final = finalData(stream.events[stream.events.length - 1]);
      const view = (await get<SubmissionBody>(api.baseUrl, `/submissions/${id}`)).body;
      expect(final).toEqual(view);
      expect(reportOf(final).outcome).toBe('pass');
    }

    await page.locator('[data-testid="report"][data-outcome="pass"]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('status').getAttribute('data-status')).toBe('completed');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('sends a decided submission its state and final event at once', async () => {
    const created = await post<SubmissionAccepted>(api.baseUrl, '/submissions', { labId: 'playground', files: playgroundFiles });
    const stream = await openStream(`${api.baseUrl}/submissions/${created.body.id}/events`);
    while ((await stream.next()) !== null);
    const view = (await get<SubmissionBody>(api.baseUrl, `/submissions/${created.body.id}`)).body;
    expect(stream.events[stream.events.length - 1]).toEqual({ type: 'final', data: view });

    const again = await openStream(`${api.baseUrl}/submissions/${created.body.id}/events`);
    while ((await again.next()) !== null);
    expect(again.events.map((e) => e.type)).toEqual(['status', 'final']);
  });
});
