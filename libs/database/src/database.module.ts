import { Module } from '@nestjs/common';
import { PrismaService } from './prisma.service';
import { LabsRepository } from './repositories/labs.repository';
import { SubmissionsRepository } from './repositories/submissions.repository';

@Module({
  providers: [PrismaService, LabsRepository, SubmissionsRepository],
  exports: [PrismaService, LabsRepository, SubmissionsRepository],
})
export class DatabaseModule {}
