// What a verified launch creates or finds: the platform's user (by sub, in the platform's
// organisation), the course context's cohort (created on first launch, owned by the instructor
// who launched it; learners become members) and the assignment a resource link opens.
import { Injectable, Logger } from '@nestjs/common';
import { CohortsRepository, DuplicateAssignmentError, LtiLinksRepository, type LtiContextRow, type UserRow } from '@asynclab/database';
import { WebhookDispatcher } from '@asynclab/webhooks';
import type { LaunchClaims } from '@asynclab/lti';
import type { VerifiedLaunch } from './lti-launch-verifier.service';
import { labIdOfUrl } from './lti-urls';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An assignment created from a link the LMS placed by hand (custom lab_id) is due this far ahead. */
export const DEFAULT_DUE_DAYS = 14;

export interface ProvisionedLaunch {
  user: UserRow;
  context: LtiContextRow | null;
  /** The lab the launch lands on; null: the catalog. */
  labId: string | null;
  assignmentId: string | null;
}

@Injectable()
export class LtiProvisioningService {
  private readonly logger = new Logger('lti');

  constructor(
    private readonly links: LtiLinksRepository,
    private readonly cohorts: CohortsRepository,
    private readonly webhooks: WebhookDispatcher,
  ) {}

  async provision({ platform, claims }: VerifiedLaunch): Promise<ProvisionedLaunch> {
    const user = await this.userFor(platform.id, platform.organizationId, claims);
    const context = claims.context ? await this.contextFor(platform.id, platform.organizationId, claims, user) : null;
    if (context && claims.role === 'learner' && (await this.cohorts.addMember(context.cohortId, user.id))) {
      await this.webhooks
        .emit(platform.organizationId, 'cohort.member_joined', {
          cohortId: context.cohortId,
          cohortName: context.title ?? '',
          userId: user.id,
          externalId: null,
        })
        .catch((error: unknown) => {
          this.logger.warn(`cohort.member_joined for ${user.id} not emitted: ${(error as Error).message}`);
        });
    }
    const assignment = context && claims.resourceLinkId ? await this.assignmentFor(platform.id, context, claims) : null;
    return { user, context, labId: assignment?.labId ?? labIdOfUrl(claims.targetLinkUri), assignmentId: assignment?.id ?? null };
  }

  private async userFor(platformId: string, organizationId: string, claims: LaunchClaims): Promise<UserRow> {
    const linked = await this.links.findLinkedUser(platformId, claims.subject);
    if (!linked) {
      return this.links.createLinkedUser(platformId, claims.subject, organizationId, {
        role: claims.role,
        email: claims.email,
        displayName: claims.name,
      });
    }
    if (claims.role === 'instructor' && linked.role === 'learner') {
      await this.links.promoteToInstructor(linked.id);
      return { ...linked, role: 'instructor' };
    }
    return linked;
  }

  private async contextFor(platformId: string, organizationId: string, claims: LaunchClaims, user: UserRow): Promise<LtiContextRow> {
    const context = claims.context as NonNullable<LaunchClaims['context']>;
    const key = { platformId, deploymentId: claims.deploymentId, contextId: context.id };
    const serviceClaims = {
      title: context.title,
      lineitemsUrl: claims.ags?.lineitems ?? null,
      lineitemUrl: claims.ags?.lineitem ?? null,
      agsScopes: claims.ags?.scopes ?? [],
      membershipsUrl: claims.membershipsUrl,
    };
    const owner = claims.role === 'instructor' ? user.id : null;
    const existing = await this.links.findContext(key);
    if (existing) {
      if (owner) await this.links.claimCohortOwnership(existing.cohortId, owner);
      return this.links.updateContextClaims(existing.id, serviceClaims);
    }
    const created = await this.links.createContextWithCohort(
      key,
      { organizationId, name: context.title ?? `LMS course ${context.id}`, createdById: owner },
      serviceClaims,
    );
    // Null: a concurrent first launch of the same course linked it a moment ago.
    return created ?? (await this.links.findContext(key)) ?? Promise.reject(new Error(`context ${context.id} vanished`));
  }

  /**
   * The assignment the resource link opens: known from an earlier launch, named by the deep
   * link's custom assignment_id, or (a link the LMS placed by hand) the lab in custom lab_id or
   * in the target link, assigned to the cohort on first launch.
   */
  private async assignmentFor(
    platformId: string,
    context: LtiContextRow,
    claims: LaunchClaims,
  ): Promise<{ id: string; labId: string } | null> {
    const resourceLinkId = claims.resourceLinkId as string;
    const known = await this.links.findResourceLink(platformId, resourceLinkId);
    let assignment = known ? await this.links.findAssignmentInCohort(context.cohortId, known.assignmentId) : null;
    const named = claims.custom.assignment_id;
    if (!assignment && named && UUID.test(named)) assignment = await this.links.findAssignmentInCohort(context.cohortId, named);
    if (!assignment) {
      const labId = (claims.custom.lab_id as string | undefined) ?? labIdOfUrl(claims.targetLinkUri);
      if (labId && (await this.cohorts.labExists(labId))) assignment = await this.assignLab(context.cohortId, labId);
    }
    if (!assignment) return null;
    const lineitemUrl = claims.ags?.lineitem ?? null;
    if (!known || known.assignmentId !== assignment.id || (lineitemUrl && known.lineitemUrl !== lineitemUrl)) {
      await this.links.upsertResourceLink({ platformId, resourceLinkId, contextId: context.id, assignmentId: assignment.id, lineitemUrl });
    }
    return assignment;
  }

  async assignLab(cohortId: string, labId: string, dueAt?: Date): Promise<{ id: string; labId: string }> {
    const opensAt = new Date();
    try {
      await this.cohorts.addAssignment(cohortId, {
        labId,
        opensAt,
        dueAt: dueAt ?? new Date(opensAt.getTime() + DEFAULT_DUE_DAYS * 24 * 3600_000),
        latePolicy: 'accept',
        latePenaltyPerDay: 0,
      });
    } catch (error) {
      // Already assigned to this cohort: the same assignment, never a second one.
      if (!(error instanceof DuplicateAssignmentError)) throw error;
    }
    const assignment = await this.links.findAssignmentOfLab(cohortId, labId);
    if (!assignment) throw new Error(`assignment of ${labId} in cohort ${cohortId} vanished`);
    return assignment;
  }
}
