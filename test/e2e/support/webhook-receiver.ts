// A webhook receiver on 127.0.0.1 for the e2e tests: records every request, answers by path, and
// verifies with the `standardwebhooks` package's own verifier (what a real receiver would run).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface Receiver {
  server: Server;
  url: string;
  received: Received[];
  /** The status a path answers, for paths the test switches (a receiver that is down, then fixed). */
  answers: Map<string, number>;
}

/**
 * /flaky fails the first two attempts of each webhook-id (the first with Retry-After: 1); /gone
 * answers 410; /redirect 302 to /ok; a path in `answers` its status; anything else 204.
 */
export function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const answers = new Map<string, number>();
  const attemptsById = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const id = String(req.headers['webhook-id']);
      const entry = { path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
      received.push(entry);
      if (entry.path === '/gone') {
        res.writeHead(410).end('gone');
        return;
      }
      if (entry.path === '/redirect') {
        res.writeHead(302, { location: '/ok' }).end();
        return;
      }
      if (entry.path === '/flaky') {
        const seen = (attemptsById.get(id) ?? 0) + 1;
        attemptsById.set(id, seen);
        if (seen === 1) res.writeHead(503, { 'retry-after': '1' }).end('busy, come back in a second');
        else if (seen === 2) res.writeHead(500).end('x'.repeat(10_000));
        else res.writeHead(200).end('ok');
        return;
      }
      const answer = answers.get(entry.path);
      if (answer !== undefined) {
        res.writeHead(answer).end(answer >= 400 ? `down (${String(answer)})` : '');
        return;
      }
      res.writeHead(204).end();
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ server, url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`, received, answers });
    });
  });
}

export const verify = (secret: string, request: Received) =>
  new Webhook(secret).verify(request.body, request.headers as Record<string, string>) as { type: string; data: Record<string, unknown> };
