// The LTI key store for the API (our JWKS, deep-linking responses) and the worker (client assertions).
import { Module } from '@nestjs/common';
import { DatabaseModule } from '@asynclab/database';
import { LtiKeyStore } from './lti-key-store';

@Module({
  imports: [DatabaseModule],
  providers: [LtiKeyStore],
  exports: [LtiKeyStore],
})
export class LtiModule {}
