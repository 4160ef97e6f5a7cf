// GET /api/v1/admin/queue. Unauthenticated for now: authentication (issue 12) guards /admin.
import { Controller, Get } from '@nestjs/common';
import { AdminService, QueueStatus } from './admin.service';

@Controller('admin')
export class AdminController {
  constructor(private readonly admin: AdminService) {}

  @Get('queue')
  queue(): Promise<QueueStatus> {
    return this.admin.status();
  }
}
