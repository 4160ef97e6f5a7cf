// LTI Advantage services for the worker (grade passback) and the API (retries, roster sync).
import { Module } from '@nestjs/common';
import { DatabaseModule } from '@asynclab/database';
import { LtiModule } from '@asynclab/lti';
import { WebhooksModule } from '@asynclab/webhooks';
import { AgsClient } from './ags-client';
import { GradeSyncQueue } from './grade-sync-queue';
import { LineItemResolver } from './line-item-resolver';
import { LtiGradePassback } from './lti-grade-passback';
import { NrpsClient } from './nrps-client';
import { PlatformTokenClient } from './platform-token-client';
import { RosterSyncService } from './roster-sync.service';
import { RosterSyncOnLaunch } from './roster-sync-on-launch';
import { RecordedRosterSync } from './recorded-roster-sync';

const providers = [
  PlatformTokenClient,
  AgsClient,
  NrpsClient,
  LineItemResolver,
  GradeSyncQueue,
  LtiGradePassback,
  RosterSyncService,
  RecordedRosterSync,
  RosterSyncOnLaunch,
];

@Module({
  imports: [DatabaseModule, LtiModule, WebhooksModule],
  providers,
  exports: providers,
})
export class LtiAdvantageModule {}
