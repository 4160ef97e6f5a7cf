import { Module } from '@nestjs/common';
import { PrismaService } from './prisma.service';
import { LabsRepository } from './repositories/labs.repository';
import { SubmissionsRepository } from './repositories/submissions.repository';
import { OrganizationsRepository } from './repositories/organizations.repository';
import { UsersRepository } from './repositories/users.repository';
import { SessionsRepository } from './repositories/sessions.repository';
import { ApiKeysRepository } from './repositories/api-keys.repository';
import { InvitationsRepository } from './repositories/invitations.repository';
import { IdempotencyRepository } from './repositories/idempotency.repository';

const repositories = [
  LabsRepository,
  SubmissionsRepository,
  OrganizationsRepository,
  UsersRepository,
  SessionsRepository,
  ApiKeysRepository,
  InvitationsRepository,
  IdempotencyRepository,
];

@Module({
  providers: [PrismaService, ...repositories],
  exports: [PrismaService, ...repositories],
})
export class DatabaseModule {}
