// Boots the real service in the test process: the API on a free port and, unless told not to,
// the worker, both against the test PostgreSQL, Redis and the Docker engine.
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApiApp } from '../../../apps/api/src/create-api-app';
import { WorkerModule } from '../../../apps/worker/src/worker.module';
import { assertWorkerCanStart } from '../../../apps/worker/src/preflight';
import { loadAppConfig } from '@asynclab/config';
import { applyTestEnv } from '../../e2e-env';

export interface RunningService {
  baseUrl: string;
  api: INestApplication<Server>;
  worker: INestApplicationContext | null;
  close(): Promise<void>;
}

export async function startService(
  options: { worker?: boolean; env?: Record<string, string>; port?: number } = {},
): Promise<RunningService> {
  applyTestEnv();
  const saved = { ...process.env };
  Object.assign(process.env, options.env ?? {});
  try {
    if (options.worker !== false) await assertWorkerCanStart(loadAppConfig());
    const api = await createApiApp({ quiet: true });
    await api.listen(options.port ?? 0, '127.0.0.1');
    let worker: INestApplicationContext | null = null;
    if (options.worker !== false) {
      // A worker that refuses to start must not leave the API listening: jest would never exit.
      // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- Nest declares its options as a class yet takes a plain object
      worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] }).catch(async (error: unknown) => {
        await api.close();
        throw error;
      });
    }
    const address = api.getHttpServer().address() as AddressInfo;
    return {
      baseUrl: `http://127.0.0.1:${address.port}/api/v1`,
      api,
      worker,
      async close() {
        await worker?.close();
        await api.close();
      },
    };
  } finally {
    process.env = saved;
  }
}
