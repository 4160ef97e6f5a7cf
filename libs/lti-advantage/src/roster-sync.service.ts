// Names and roles (NRPS 2.0) into a cohort: every member of the context's roster becomes (or is
// matched to) a user of the platform's organisation linked by its user_id, as a launch would
// link that user; active learners become members of the context's cohort, inactive or deleted
// ones stop being members, and, when the whole roster was read, so do the platform-linked members
// it no longer lists. Learners who joined the cohort by its code are never removed by a roster.
// Each learner added is a cohort.member_joined webhook, as when a launch or a join code adds one.
import { Injectable, Logger } from '@nestjs/common';
import { LtiLinksRepository, LtiRosterRepository, type RosterContext, type RosterSyncOutcome } from '@asynclab/database';
import { courseRoleOf } from '@asynclab/lti';
import { WebhookDispatcher } from '@asynclab/webhooks';
import { NrpsClient } from './nrps-client';
import { PlatformServiceError } from './platform-request';

/** What a sync counted: the outcome its run record stores. */
export type RosterSyncCounts = RosterSyncOutcome;

@Injectable()
export class RosterSyncService {
  private readonly logger = new Logger(RosterSyncService.name);

  constructor(
    private readonly nrps: NrpsClient,
    private readonly links: LtiLinksRepository,
    private readonly roster: LtiRosterRepository,
    private readonly webhooks: WebhookDispatcher,
  ) {}

  async sync(context: RosterContext): Promise<RosterSyncCounts> {
    if (!context.membershipsUrl) {
      throw new PlatformServiceError('the context has no names and roles service (no NRPS claim in its launches)', null, undefined, true);
    }
    const { members, pages, complete } = await this.nrps.fetchRoster(context.platform, context.membershipsUrl);
    const counts: RosterSyncCounts = {
      pages,
      members: members.length,
      usersCreated: 0,
      learnersAdded: 0,
      learnersRemoved: 0,
      learnersKept: 0,
      instructors: 0,
      inactive: 0,
      complete,
    };
    const activeLearners: string[] = [];
    const leaving: string[] = [];
    const listed = new Set<string>();
    for (const member of members) {
      const role = courseRoleOf(member.roles);
      const active = member.status === 'Active';
      let user = await this.links.findLinkedUser(context.platform.id, member.userId);
      if (user) {
        await this.roster.refreshName(user.id, member.name);
        // As a launch does: a learner the course now lists as teaching becomes an instructor (never the reverse).
        if (active && role === 'instructor' && user.role === 'learner') await this.links.promoteToInstructor(user.id);
      } else if (active) {
        user = await this.links.createLinkedUser(context.platform.id, member.userId, context.organizationId, {
          role,
          email: member.email,
          displayName: member.name,
        });
        counts.usersCreated += 1;
      }
      if (!active) counts.inactive += 1;
      if (!user) continue;
      listed.add(user.id);
      if (role === 'instructor') counts.instructors += 1;
      else if (active) activeLearners.push(user.id);
      else leaving.push(user.id);
    }
    const added = await this.roster.addMembers(context.cohortId, activeLearners);
    counts.learnersAdded = added.length;
    counts.learnersKept = activeLearners.length - added.length;
    for (const userId of added) await this.memberJoined(context, userId);
    if (complete) {
      const linked = await this.roster.linkedMembers(context.cohortId, context.platform.id);
      leaving.push(...linked.filter((id) => !listed.has(id)));
    }
    counts.learnersRemoved = await this.roster.removeMembers(context.cohortId, leaving);
    return counts;
  }

  private async memberJoined(context: RosterContext, userId: string): Promise<void> {
    const data = { cohortId: context.cohortId, cohortName: context.cohortName, userId, externalId: null };
    await this.webhooks.emit(context.organizationId, 'cohort.member_joined', data).catch((error: unknown) => {
      this.logger.warn(`cohort.member_joined for ${userId} not emitted: ${(error as Error).message}`);
    });
  }
}
