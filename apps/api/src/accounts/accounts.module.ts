import { Module } from '@nestjs/common';
import { DatabaseModule } from '@asynclab/database';
import { OrganizationController } from './organization.controller';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [DatabaseModule],
  controllers: [UsersController, OrganizationController],
  providers: [UsersService],
  exports: [UsersService],
})
export class AccountsModule {}
