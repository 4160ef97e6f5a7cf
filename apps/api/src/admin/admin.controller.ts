// GET /api/v1/admin/queue: the service's queue and workers, for admins (the status page) and
// for API keys with the manage scope.
import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { AdminService, QueueStatus } from './admin.service';

@ApiTags('admin')
@Access({ roles: ['admin'], keyScope: 'manage' })
@Controller('admin')
export class AdminController {
  constructor(private readonly admin: AdminService) {}

  @Get('queue')
  queue(): Promise<QueueStatus> {
    return this.admin.status();
  }
}
