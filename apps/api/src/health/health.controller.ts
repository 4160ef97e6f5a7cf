// GET /api/v1/health: the API answers, and what each live worker says of its sandboxes (image,
// runtime, the warm pool's state), from their heartbeats in Redis.
import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { errorMessage, RedisConnections } from '@asynclab/config';
import { readWorkerStatuses, WorkerStatus } from '@asynclab/sandbox';
import { Access } from '../auth/access.decorator';

export interface HealthView {
  /** degraded: Redis (the queue, the workers' heartbeats) does not answer. */
  status: 'ok' | 'degraded';
  workers: WorkerStatus[];
  problem?: string;
}

/** Open to all (load balancers, an LMS's own checks): says nothing a learner's run could use. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly redis: RedisConnections) {}

  @Get()
  @Access({ public: true })
  async health(): Promise<HealthView> {
    try {
      return { status: 'ok', workers: await readWorkerStatuses(this.redis.commands) };
    } catch (error) {
      return { status: 'degraded', workers: [], problem: `Redis does not answer: ${errorMessage(error)}` };
    }
  }
}
