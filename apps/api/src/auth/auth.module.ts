// Identity: who is asking (the global AuthGuard), sessions, sign-in and the account pages' API.
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { DatabaseModule } from '@asynclab/database';
import { AccountController } from './account.controller';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { PrincipalResolver } from './principal.resolver';
import { SessionsService } from './sessions.service';
import { SignInThrottle } from './sign-in-throttle.service';

@Global()
@Module({
  imports: [DatabaseModule],
  controllers: [AuthController, AccountController],
  providers: [AuthService, SessionsService, PrincipalResolver, SignInThrottle, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [SessionsService, PrincipalResolver],
})
export class AuthModule {}
