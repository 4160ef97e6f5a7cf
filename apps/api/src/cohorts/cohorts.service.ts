// Managing cohorts: create, assign labs, enrol learners (join code, email, external id), extend a
// due date. Every lookup goes through the organisation-scoped repository; a cohort elsewhere, or
// one a learner does not belong to, is "not found".
import { Injectable, Logger } from '@nestjs/common';
import { WebhookDispatcher } from '@asynclab/webhooks';
import { CohortView, ErrorCode, MyAssignment } from '@asynclab/contracts';
import { AssignmentRow, CohortRow, CohortsRepository, DuplicateAssignmentError, UsersRepository } from '@asynclab/database';
import { cohortReader } from '../auth/access-policy';
import { Principal } from '../auth/principal';
import { cohortNotFound, CohortsException } from './cohorts.exception';
import { AddMemberDto, CreateAssignmentDto } from './cohorts.dto';
import { CohortDashboardService } from './cohort-dashboard.service';
import { toAssignmentView, toCohortView } from './cohort-views';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class CohortsService {
  private readonly logger = new Logger(CohortsService.name);

  constructor(
    private readonly cohorts: CohortsRepository,
    private readonly users: UsersRepository,
    private readonly dashboards: CohortDashboardService,
    private readonly webhooks: WebhookDispatcher,
  ) {}

  async create(principal: Principal, name: string): Promise<CohortView> {
    const createdBy = principal.kind === 'session' ? principal.userId : null;
    return toCohortView(await this.cohorts.create(principal.organizationId, name.trim(), createdBy));
  }

  async list(principal: Principal): Promise<CohortView[]> {
    const reader = cohortReader(principal);
    if (!reader) return [];
    const rows = await this.cohorts.list(principal.organizationId, reader.whole ? undefined : reader.userId);
    return rows.map(toCohortView);
  }

  /** The cohort when the principal may see it: the organisation's staff, or a member. */
  async visible(principal: Principal, id: string): Promise<CohortRow> {
    const reader = cohortReader(principal);
    const cohort = reader && UUID.test(id) ? await this.cohorts.find(principal.organizationId, id) : null;
    if (!cohort || !reader) throw cohortNotFound(id);
    if (!reader.whole && !(await this.cohorts.isMember(cohort.id, reader.userId))) throw cohortNotFound(id);
    return cohort;
  }

  async assign(principal: Principal, cohortId: string, dto: CreateAssignmentDto): Promise<CohortView> {
    const cohort = await this.visible(principal, cohortId);
    if (dto.dueAt <= dto.opensAt) throw new CohortsException(ErrorCode.ValidationFailed, 'dueAt must be after opensAt', 'dueAt');
    if (!(await this.cohorts.labExists(dto.labId)))
      throw new CohortsException(ErrorCode.LabNotFound, `lab "${dto.labId}" does not exist`, 'labId');
    const latePolicy = dto.latePolicy ?? 'accept';
    if (latePolicy !== 'penalty' && dto.latePenaltyPerDay)
      throw new CohortsException(ErrorCode.ValidationFailed, 'latePenaltyPerDay needs latePolicy "penalty"', 'latePenaltyPerDay');
    try {
      await this.cohorts.addAssignment(cohort.id, {
        labId: dto.labId,
        opensAt: dto.opensAt,
        dueAt: dto.dueAt,
        latePolicy,
        latePenaltyPerDay: dto.latePenaltyPerDay ?? 0,
      });
    } catch (error) {
      if (error instanceof DuplicateAssignmentError)
        throw new CohortsException(ErrorCode.AssignmentExists, `lab "${dto.labId}" is already assigned to this cohort`, 'labId');
      throw error;
    }
    return toCohortView((await this.cohorts.find(principal.organizationId, cohort.id)) as CohortRow);
  }

  /** An instructor enrols a user of the organisation by email or external id. */
  async addMember(principal: Principal, cohortId: string, dto: AddMemberDto): Promise<{ userId: string }> {
    const cohort = await this.visible(principal, cohortId);
    if (!dto.email === !dto.externalId)
      throw new CohortsException(ErrorCode.ValidationFailed, 'give exactly one of email or externalId', dto.email ? 'externalId' : 'email');
    const user = dto.email
      ? await this.users.findByEmail(principal.organizationId, dto.email)
      : await this.users.findByExternalId(principal.organizationId, dto.externalId as string);
    if (!user || user.isGuest) {
      const field = dto.email ? 'email' : 'externalId';
      throw new CohortsException(ErrorCode.UserNotFound, `no user of this organisation has this ${field}`, field);
    }
    if (await this.cohorts.addMember(cohort.id, user.id))
      await this.memberJoined(principal.organizationId, cohort, user.id, user.externalId);
    return { userId: user.id };
  }

  /** A signed-in learner joins with the code from the link or the slide. */
  async join(principal: Principal, code: string): Promise<CohortView> {
    if (principal.kind !== 'session') throw new CohortsException(ErrorCode.KeyNotAllowed, 'joining a cohort is for signed-in users');
    const cohort = await this.cohorts.findByJoinCode(principal.organizationId, code.toUpperCase());
    if (!cohort) throw new CohortsException(ErrorCode.JoinCodeInvalid, `no cohort has the join code "${code}"`, 'code');
    if (await this.cohorts.addMember(cohort.id, principal.userId))
      await this.memberJoined(principal.organizationId, cohort, principal.userId, null);
    return toCohortView((await this.cohorts.find(principal.organizationId, cohort.id)) as CohortRow);
  }

  /** cohort.member_joined, once per new member; the enrolment stands whatever happens to the webhook. */
  private async memberJoined(
    organizationId: string,
    cohort: { id: string; name: string },
    userId: string,
    externalId: string | null,
  ): Promise<void> {
    await this.webhooks
      .emit(organizationId, 'cohort.member_joined', { cohortId: cohort.id, cohortName: cohort.name, userId, externalId })
      .catch((error: unknown) => {
        this.logger.warn(`cohort.member_joined for ${userId} not emitted: ${(error as Error).message}`);
      });
  }

  async extend(principal: Principal, cohortId: string, assignmentId: string, userId: string, dueAt: Date): Promise<void> {
    const cohort = await this.visible(principal, cohortId);
    if (!cohort.assignments.some((a) => a.id === assignmentId))
      throw new CohortsException(ErrorCode.AssignmentNotFound, `assignment "${assignmentId}" is not one of this cohort's`, 'assignmentId');
    if (!UUID.test(userId) || !(await this.cohorts.isMember(cohort.id, userId)))
      throw new CohortsException(ErrorCode.NotAMember, `user "${userId}" is not a member of this cohort`, 'userId');
    await this.cohorts.extend(assignmentId, userId, dueAt);
  }

  /** The caller's assignments across their cohorts, soonest due first, with where they stand. */
  async myAssignments(principal: Principal): Promise<MyAssignment[]> {
    if (principal.kind !== 'session' || principal.isGuest) return [];
    const cohorts = await this.cohorts.list(principal.organizationId, principal.userId);
    const now = new Date();
    const mine: MyAssignment[] = [];
    for (const cohort of cohorts) {
      const [row] = await this.dashboards.rows(cohort, principal.userId, now);
      cohort.assignments.forEach((assignment, index) => {
        const cell = row.cells[index];
        mine.push({
          ...toAssignmentView(assignment),
          cohortId: cohort.id,
          cohortName: cohort.name,
          myDueAt: cell.dueAt,
          attempts: cell.attempts,
          bestScore: cell.bestScore,
          status: statusOf(assignment, cell, now),
        });
      });
    }
    return mine.sort((a, b) => a.myDueAt.getTime() - b.myDueAt.getTime());
  }
}

function statusOf(assignment: AssignmentRow, cell: { passed: boolean; attempts: number; dueAt: Date }, now: Date): MyAssignment['status'] {
  if (cell.passed) return 'passed';
  if (now < assignment.opensAt) return 'upcoming';
  if (now > cell.dueAt) return assignment.latePolicy === 'lock' ? 'locked' : 'overdue';
  return cell.attempts > 0 ? 'attempted' : 'not-started';
}
