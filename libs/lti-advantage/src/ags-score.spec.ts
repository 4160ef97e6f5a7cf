import { decidePublish, gradeToPublish, lineItemsQueryUrl, scoreBody, scoresUrlOf } from './ags-score';
import { gradeScopes } from './ags-client';
import { PlatformServiceError } from './platform-request';

describe('the grade to publish', () => {
  it('is the best score after the late policy, Completed once passed and Submitted before', () => {
    expect(gradeToPublish({ bestScore: 80, passed: true })).toEqual({ scoreGiven: 80, scoreMaximum: 100, activityProgress: 'Completed' });
    expect(gradeToPublish({ bestScore: 35, passed: false })).toMatchObject({ scoreGiven: 35, activityProgress: 'Submitted' });
  });

  it('is nothing when no counted attempt carries a score, and stays within 0..100', () => {
    expect(gradeToPublish(null)).toBeNull();
    expect(gradeToPublish({ bestScore: null, passed: false })).toBeNull();
    expect(gradeToPublish({ bestScore: 130, passed: true })?.scoreGiven).toBe(100);
    expect(gradeToPublish({ bestScore: -5, passed: false })?.scoreGiven).toBe(0);
  });
});

describe('the grade-change decision', () => {
  const grade = { scoreGiven: 70, scoreMaximum: 100, activityProgress: 'Submitted' as const };

  it('publishes a first grade and a changed one', () => {
    expect(decidePublish(grade, { score: null, progress: null })).toBe('publish');
    expect(decidePublish(grade, { score: 60, progress: 'Submitted' })).toBe('publish');
    expect(decidePublish({ ...grade, activityProgress: 'Completed' }, { score: 70, progress: 'Submitted' })).toBe('publish');
  });

  it('does not post an unchanged grade again, unless forced by a retry', () => {
    expect(decidePublish(grade, { score: 70, progress: 'Submitted' })).toBe('unchanged');
    expect(decidePublish(grade, { score: 70, progress: 'Submitted' }, true)).toBe('publish');
  });

  it('publishes nothing without a grade, even when forced', () => {
    expect(decidePublish(null, { score: 70, progress: 'Submitted' }, true)).toBe('nothing-to-publish');
  });
});

describe('the Score body and the AGS URLs', () => {
  it('carries the AGS 2.0 fields with a millisecond timestamp and the platform user id', () => {
    const body = scoreBody(
      'sub-42',
      { scoreGiven: 90, scoreMaximum: 100, activityProgress: 'Completed' },
      new Date('2026-12-01T10:00:00.123Z'),
    );
    expect(body).toEqual({
      userId: 'sub-42',
      scoreGiven: 90,
      scoreMaximum: 100,
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
      timestamp: '2026-12-01T10:00:00.123Z',
    });
  });

  it('appends /scores to the line item path and keeps its query', () => {
    expect(scoresUrlOf('https://lms.test/ctx/1/lineitems/7')).toBe('https://lms.test/ctx/1/lineitems/7/scores');
    expect(scoresUrlOf('https://lms.test/ctx/1/lineitems/7/?type_id=2')).toBe('https://lms.test/ctx/1/lineitems/7/scores?type_id=2');
  });

  it('filters the line items container by resource_id, keeping its own query', () => {
    expect(lineItemsQueryUrl('https://lms.test/ctx/1/lineitems?type=x', 'a-1')).toBe(
      'https://lms.test/ctx/1/lineitems?type=x&resource_id=a-1',
    );
  });
});

describe('the scopes and the retry rule', () => {
  const LI = 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem';
  const RO = 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly';
  const SC = 'https://purl.imsglobal.org/spec/lti-ags/scope/score';

  it('asks for what the claim granted, lineitem covering lineitem.readonly', () => {
    expect(gradeScopes([LI, RO, SC])).toEqual([LI, SC]);
    expect(gradeScopes([RO, SC])).toEqual([RO, SC]);
    expect(gradeScopes([])).toEqual([LI, SC]);
  });

  it('retries no answer, 408, 429 and 5xx; not other 4xx, nor a missing service', () => {
    expect([null, 408, 429, 500, 503].map((code) => new PlatformServiceError('x', code).retryable)).toEqual([true, true, true, true, true]);
    expect([400, 401, 403, 404, 422].map((code) => new PlatformServiceError('x', code).retryable)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(new PlatformServiceError('no service', null, undefined, true).retryable).toBe(false);
  });
});
