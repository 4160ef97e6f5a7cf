// GET /api/v1/health: the API answers, and what each live worker says of its sandboxes (image,
// runtime, the warm pool's state), from their heartbeats in Redis.
import { Controller, Get } from '@nestjs/common';
import { RedisConnections } from '@asynclab/config';
import { readWorkerStatuses, WorkerStatus } from '@asynclab/sandbox';

export interface HealthView {
  status: 'ok';
  workers: WorkerStatus[];
}

@Controller('health')
export class HealthController {
  constructor(private readonly redis: RedisConnections) {}

  @Get()
  async health(): Promise<HealthView> {
    return { status: 'ok', workers: await readWorkerStatuses(this.redis.commands) };
  }
}
