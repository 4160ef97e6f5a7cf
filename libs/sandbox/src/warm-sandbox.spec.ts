// The engine dying under a started sandbox, with a stand-in engine on a Unix socket: the real
// engine answers a wait with its headers at once and the body when the container ends, so a
// restart between the two leaves docker-modem's wait unsettled forever (the lost pooled run of
// the fault suite). The sandbox must see its end from the attach connection instead.
import { mkdtempSync } from 'node:fs';
import { createServer, Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { WarmSandbox } from './warm-sandbox';

const PROFILE = { image: 'asynclab-sandbox:test', runtime: 'runc', memoryMb: 256, pids: 64, cpus: 1, tmpfsMb: 16 };

/** Answers create, attach (upgraded), start and wait (headers only), like an engine mid-run. */
function standInEngine(path: string): { server: Server; sockets: Set<Socket>; die(): void } {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    // Requests may share a kept-alive connection: each chunk that starts a request is answered.
    socket.on('data', (chunk: Buffer) => {
      const line = chunk.toString('latin1').split('\r\n')[0];
      if (!/^(GET|POST|DELETE) /.test(line)) return; // a request's body
      if (line.includes('/containers/create')) {
        const body = JSON.stringify({ Id: 'c0ffee', Warnings: [] });
        socket.write(`HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
      } else if (line.includes('/attach')) {
        socket.write(
          'HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n',
        );
      } else if (line.includes('/start')) {
        socket.write('HTTP/1.1 204 No Content\r\n\r\n');
      } else if (line.includes('/wait')) {
        socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n');
      } else {
        socket.write('HTTP/1.1 204 No Content\r\n\r\n'); // kill, remove
      }
    });
  });
  server.listen(path);
  return {
    server,
    sockets,
    die: () => {
      for (const socket of sockets) socket.destroy();
    },
  };
}

describe('WarmSandbox when the engine goes away', () => {
  it('counts the container as ended once its attach connection closes, though the wait never answers', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'asynclab-engine-')), 'docker.sock');
    const engine = standInEngine(path);
    try {
      const sandbox = await WarmSandbox.start(new Docker({ socketPath: path }), PROFILE, null, 60_000);
      await new Promise((resolve) => setTimeout(resolve, 100)); // the wait's headers are in
      expect(sandbox.hasExited).toBe(false);
      const died = Date.now();
      engine.die();
      await expect(sandbox.exited).resolves.toBeNull(); // no exit code: the engine never said
      expect(sandbox.hasExited).toBe(true);
      expect(sandbox.hasReported).toBe(false);
      expect(Date.now() - died).toBeLessThan(4_000);
    } finally {
      engine.server.close();
    }
  });
});
