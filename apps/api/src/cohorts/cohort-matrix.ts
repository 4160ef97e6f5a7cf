// Pure assembly of the dashboard from the database's aggregates: the matrix cells (with the
// learner's own due date and lateness), the per-assignment medians, and the CSV export.
import type { AssignmentStats, CohortLearner, DiagnosticCode, MatrixCell, MatrixRow } from '@asynclab/contracts';
import type { AssignmentDiagnostic, AssignmentRow, CellAggregate, CohortMemberRow } from '@asynclab/database';

export const TOP_DIAGNOSTICS = 3;

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function buildRows(
  members: CohortMemberRow[],
  assignments: AssignmentRow[],
  cells: CellAggregate[],
  extensions: Array<{ assignmentId: string; userId: string; dueAt: Date }>,
  now: Date,
): MatrixRow[] {
  const cellOf = new Map(cells.map((cell) => [`${cell.userId}/${cell.assignmentId}`, cell]));
  const extensionOf = new Map(extensions.map((x) => [`${x.userId}/${x.assignmentId}`, x.dueAt]));
  return members.map((member) => ({
    learner: toLearner(member),
    cells: assignments.map((assignment) => {
      const key = `${member.userId}/${assignment.id}`;
      return toCell(assignment, cellOf.get(key), extensionOf.get(key), now);
    }),
  }));
}

function toLearner(member: CohortMemberRow): CohortLearner {
  return {
    userId: member.userId,
    email: member.email,
    displayName: member.displayName,
    externalId: member.externalId,
    joinedAt: member.joinedAt,
  };
}

function toCell(assignment: AssignmentRow, cell: CellAggregate | undefined, extendedTo: Date | undefined, now: Date): MatrixCell {
  const dueAt = extendedTo ?? assignment.dueAt;
  const passed = cell?.passed ?? false;
  const firstPassAt = cell?.firstPassAt ?? null;
  return {
    assignmentId: assignment.id,
    labId: assignment.labId,
    attempts: cell?.attempts ?? 0,
    bestScore: cell?.bestScore ?? null,
    passed,
    late: firstPassAt ? firstPassAt > dueAt : now > dueAt,
    lastActivityAt: cell?.lastActivityAt ?? null,
    dueAt,
    extended: extendedTo !== undefined,
    attemptsToPass: cell?.attemptsToPass ?? null,
    msToPass: cell && firstPassAt ? firstPassAt.getTime() - cell.firstAttemptAt.getTime() : null,
  };
}

export function buildStats(rows: MatrixRow[], assignments: AssignmentRow[], diagnostics: AssignmentDiagnostic[]): AssignmentStats[] {
  return assignments.map((assignment, index) => {
    const cells = rows.map((row) => row.cells[index]);
    const passed = cells.filter((cell) => cell.passed);
    return {
      assignmentId: assignment.id,
      labId: assignment.labId,
      learners: rows.length,
      completionRate: rows.length ? passed.length / rows.length : 0,
      medianAttemptsToPass: median(passed.map((cell) => cell.attemptsToPass ?? 0)),
      medianMsToPass: median(passed.map((cell) => cell.msToPass ?? 0)),
      topDiagnostics: diagnostics
        .filter((d) => d.assignmentId === assignment.id)
        .slice(0, TOP_DIAGNOSTICS)
        .map((d) => ({ code: d.code as DiagnosticCode, attempts: d.attempts, learners: d.learners })),
    };
  });
}

const CSV_FIELDS = ['attempts', 'best_score', 'passed', 'late', 'last_activity'] as const;

/** One line per learner, five columns per assignment (named after its lab). */
export function matrixCsv(rows: MatrixRow[], assignments: AssignmentRow[]): string {
  const header = [
    'user_id',
    'email',
    'external_id',
    'display_name',
    ...assignments.flatMap((a) => CSV_FIELDS.map((f) => `${a.labId}:${f}`)),
  ];
  const lines = rows.map((row) => [
    row.learner.userId,
    row.learner.email ?? '',
    row.learner.externalId ?? '',
    row.learner.displayName ?? '',
    ...row.cells.flatMap((cell) => [
      String(cell.attempts),
      cell.bestScore === null ? '' : String(cell.bestScore),
      String(cell.passed),
      String(cell.late),
      cell.lastActivityAt?.toISOString() ?? '',
    ]),
  ]);
  return [header, ...lines].map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * RFC 4180 quoting, and a leading ' before = + - @ so a spreadsheet never runs a learner's
 * display name as a formula.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
