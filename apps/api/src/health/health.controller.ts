import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';

/** Liveness for load balancers and the LMS's own checks: open to all, touches nothing. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  @Get()
  @Access({ public: true })
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
