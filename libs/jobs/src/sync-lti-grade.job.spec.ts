import { parseSyncLtiGradeJob, syncLtiGradeJobId } from './sync-lti-grade.job';
import { InvalidJobPayloadError } from './run-submission.job';

describe('the sync-lti-grade payload', () => {
  const id = '3f1c2b7e-8a34-4a8e-9c51-0d2f6e1b9a77';

  it('accepts version 1 with a sync id and refuses anything else', () => {
    expect(parseSyncLtiGradeJob({ version: 1, syncId: id, extra: true })).toEqual({ version: 1, syncId: id });
    expect(() => parseSyncLtiGradeJob({ version: 2, syncId: id })).toThrow(InvalidJobPayloadError);
    expect(() => parseSyncLtiGradeJob({ version: 1, syncId: 'x' })).toThrow(/syncId/);
    expect(() => parseSyncLtiGradeJob('x')).toThrow(InvalidJobPayloadError);
  });

  it('names one job per sync, without the colon BullMQ reserves', () => {
    expect(syncLtiGradeJobId(id)).toBe(`ltig-${id}`);
    expect(syncLtiGradeJobId(id)).not.toContain(':');
  });
});
