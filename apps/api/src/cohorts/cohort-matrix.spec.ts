import type { AssignmentRow, CellAggregate, CohortMemberRow } from '@asynclab/database';
import { buildRows, buildStats, csvField, matrixCsv, median } from './cohort-matrix';

const at = (iso: string) => new Date(`2026-03-0${iso}Z`);
const assignment = (id: string, dueAt: Date): AssignmentRow => ({
  id,
  cohortId: 'c',
  labId: `lab-${id}`,
  labTitle: id,
  opensAt: at('1T00:00:00'),
  dueAt,
  latePolicy: 'accept',
  latePenaltyPerDay: 0,
});
const member = (userId: string, displayName: string | null = null): CohortMemberRow => ({
  userId,
  email: `${userId}@x.test`,
  displayName,
  externalId: null,
  joinedAt: at('1T00:00:00'),
});
const cell = (userId: string, assignmentId: string, extra: Partial<CellAggregate>): CellAggregate => ({
  userId,
  assignmentId,
  attempts: 1,
  bestScore: 100,
  passed: true,
  lastActivityAt: at('2T10:00:00'),
  firstAttemptAt: at('2T09:00:00'),
  firstPassAt: at('2T10:00:00'),
  attemptsToPass: 1,
  ...extra,
});

describe('the dashboard matrix', () => {
  const a = assignment('a', at('3T00:00:00'));
  const now = at('5T00:00:00');

  it('takes the median of an even and an odd count, and none of nothing', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('marks late a pass after the learner’s own due date, and an unpassed assignment past it', () => {
    const rows = buildRows(
      [member('u1'), member('u2'), member('u3')],
      [a],
      [cell('u1', 'a', { firstPassAt: at('4T00:00:00') }), cell('u3', 'a', { firstPassAt: at('4T00:00:00') })],
      [{ assignmentId: 'a', userId: 'u3', dueAt: at('4T12:00:00') }],
      now,
    );
    expect(rows.map((r) => r.cells[0].late)).toEqual([true, true, false]);
    expect(rows[1].cells[0]).toMatchObject({ attempts: 0, bestScore: null, passed: false, lastActivityAt: null });
    expect(rows[2].cells[0]).toMatchObject({ extended: true, dueAt: at('4T12:00:00') });
    expect(rows[0].cells[0].msToPass).toBe(24 * 3600_000 + 15 * 3600_000);
  });

  it('computes completion and the medians over the learners who passed', () => {
    const rows = buildRows(
      [member('u1'), member('u2'), member('u3')],
      [a],
      [
        cell('u1', 'a', { attemptsToPass: 1 }),
        cell('u2', 'a', { attemptsToPass: 4 }),
        cell('u3', 'a', { passed: false, firstPassAt: null, attemptsToPass: null }),
      ],
      [],
      now,
    );
    const [stats] = buildStats(
      rows,
      [a],
      [
        { assignmentId: 'a', code: 'deadlock', attempts: 3, learners: 2 },
        { assignmentId: 'b', code: 'timeout', attempts: 9, learners: 1 },
      ],
    );
    expect(stats).toMatchObject({
      learners: 3,
      medianAttemptsToPass: 2.5,
      topDiagnostics: [{ code: 'deadlock', attempts: 3, learners: 2 }],
    });
    expect(stats.completionRate).toBeCloseTo(2 / 3);
  });

  it('writes CSV that a spreadsheet cannot run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('Ada, Countess')).toBe('"Ada, Countess"');
    expect(csvField('plain')).toBe('plain');
    const csv = matrixCsv(buildRows([member('u1', '@evil')], [a], [cell('u1', 'a', {})], [], now), [a]);
    expect(csv.split('\r\n')[0]).toBe(
      'user_id,email,external_id,display_name,lab-a:attempts,lab-a:best_score,lab-a:passed,lab-a:late,lab-a:last_activity',
    );
    expect(csv.split('\r\n')[1]).toBe(`u1,u1@x.test,,'@evil,1,100,true,false,${at('2T10:00:00').toISOString()}`);
  });
});
