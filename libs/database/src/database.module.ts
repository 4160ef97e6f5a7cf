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
import { CohortsRepository } from './repositories/cohorts.repository';
import { CohortDashboardRepository } from './repositories/cohort-dashboard.repository';
import { CohortAnalyticsRepository } from './repositories/cohort-analytics.repository';
import { RegradesRepository } from './repositories/regrades.repository';
import { WebhookDeliveriesRepository } from './repositories/webhook-deliveries.repository';
import { NotificationsRepository } from './repositories/notifications.repository';
import { WebhooksRepository } from './repositories/webhooks.repository';
import { LtiPlatformsRepository } from './repositories/lti-platforms.repository';
import { LtiKeysRepository } from './repositories/lti-keys.repository';
import { LtiLaunchStatesRepository } from './repositories/lti-launch-states.repository';
import { LtiLinksRepository } from './repositories/lti-links.repository';
import { LtiGradeSyncLogRepository } from './repositories/lti-grade-sync-log.repository';
import { LtiGradeSyncsRepository } from './repositories/lti-grade-syncs.repository';
import { LtiLineItemsRepository } from './repositories/lti-line-items.repository';
import { LtiRosterRepository } from './repositories/lti-roster.repository';
import { LtiRosterSyncsRepository } from './repositories/lti-roster-syncs.repository';

const repositories = [
  LabsRepository,
  SubmissionsRepository,
  OrganizationsRepository,
  UsersRepository,
  SessionsRepository,
  ApiKeysRepository,
  InvitationsRepository,
  IdempotencyRepository,
  CohortsRepository,
  CohortDashboardRepository,
  CohortAnalyticsRepository,
  RegradesRepository,
  WebhookDeliveriesRepository,
  NotificationsRepository,
  WebhooksRepository,
  LtiPlatformsRepository,
  LtiKeysRepository,
  LtiLaunchStatesRepository,
  LtiLinksRepository,
  LtiGradeSyncsRepository,
  LtiGradeSyncLogRepository,
  LtiLineItemsRepository,
  LtiRosterRepository,
  LtiRosterSyncsRepository,
];

@Module({
  providers: [PrismaService, ...repositories],
  exports: [PrismaService, ...repositories],
})
export class DatabaseModule {}
