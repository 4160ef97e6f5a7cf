// GET /api/v1/health: whether the API and Redis answer, for anyone; for admins and keys with
// `manage` also what each live worker says of its sandboxes (image, runtime, the warm pool's
// state), from their heartbeats in Redis: host names and pools are not for the public.
import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { errorMessage, RedisConnections } from '@asynclab/config';
import { readWorkerStatuses, WorkerStatus } from '@asynclab/sandbox';
import { Access } from '../auth/access.decorator';
import { maySeeOperations } from '../auth/access-policy';
import { CurrentPrincipal, type Principal } from '../auth/principal';

export interface HealthView {
  /** degraded: Redis (the queue, the workers' heartbeats) does not answer. */
  status: 'ok' | 'degraded';
  /** Only for admins and keys with `manage`. */
  workers?: WorkerStatus[];
  problem?: string;
}

/** Open to all (load balancers, an LMS's own checks): says nothing a learner's run could use. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly redis: RedisConnections) {}

  @Get()
  @Access({ public: true })
  async health(@CurrentPrincipal() principal?: Principal): Promise<HealthView> {
    try {
      const workers = await readWorkerStatuses(this.redis.commands);
      return maySeeOperations(principal) ? { status: 'ok', workers } : { status: 'ok' };
    } catch (error) {
      return { status: 'degraded', problem: `Redis does not answer: ${errorMessage(error)}` };
    }
  }
}
