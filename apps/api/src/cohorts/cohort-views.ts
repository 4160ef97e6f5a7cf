// Repository rows -> the wire views of libs/contracts.
import type { AssignmentView, CohortView } from '@asynclab/contracts';
import type { AssignmentRow, CohortRow } from '@asynclab/database';

export function toAssignmentView(row: AssignmentRow): AssignmentView {
  return {
    id: row.id,
    labId: row.labId,
    labTitle: row.labTitle,
    opensAt: row.opensAt,
    dueAt: row.dueAt,
    latePolicy: row.latePolicy,
    latePenaltyPerDay: row.latePenaltyPerDay,
  };
}

export function toCohortView(row: CohortRow): CohortView {
  return {
    id: row.id,
    name: row.name,
    joinCode: row.joinCode,
    joinPath: `/join/${row.joinCode}`,
    memberCount: row.memberCount,
    createdAt: row.createdAt,
    assignments: row.assignments.map(toAssignmentView),
  };
}
