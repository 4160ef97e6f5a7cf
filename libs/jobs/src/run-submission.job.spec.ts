import { InvalidJobPayloadError, parseRunSubmissionJob, runSubmissionJobId } from './run-submission.job';

describe('the run-submission job contract', () => {
  const id = '3f1c2b7e-8a34-4a8e-9c51-0d2f6e1b9a77';

  it('accepts version 1 and drops unknown fields', () => {
    expect(parseRunSubmissionJob({ version: 1, submissionId: id, labId: 'playground', extra: true })).toEqual({
      version: 1,
      submissionId: id,
      labId: 'playground',
    });
  });

  it.each([
    [null],
    [{ version: 2, submissionId: id, labId: 'x' }],
    [{ version: 1, submissionId: 'x', labId: 'x' }],
    [{ version: 1, submissionId: id }],
  ])('rejects %j', (payload) => {
    expect(() => parseRunSubmissionJob(payload)).toThrow(InvalidJobPayloadError);
  });

  it('derives one job id per submission, without the colon BullMQ reserves', () => {
    expect(runSubmissionJobId(id)).toBe(`run-${id}`);
    expect(runSubmissionJobId(id)).not.toContain(':');
  });
});
