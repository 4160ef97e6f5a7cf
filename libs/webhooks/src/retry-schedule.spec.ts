import { AttemptFailed, parseRetryAfter, RETRY_AFTER_CAP_MS, retryBackoff, retryDelayMs } from './retry-schedule';

describe('retryDelayMs', () => {
  it('grows four times per retry, with half of each delay random', () => {
    expect([1, 2, 3].map((n) => retryDelayMs(n, 100, () => 0))).toEqual([50, 200, 800]);
    expect([1, 2, 3].map((n) => retryDelayMs(n, 100, () => 1))).toEqual([100, 400, 1600]);
  });

  it('spreads the default 7 retries over about a day', () => {
    const total = (random: () => number) => [1, 2, 3, 4, 5, 6, 7].reduce((sum, n) => sum + retryDelayMs(n, 20_000, random), 0);
    expect(total(() => 0) / 3600_000).toBeGreaterThan(15);
    expect(total(() => 1) / 3600_000).toBeLessThan(31);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, caps at a day, ignores what it cannot read', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(new Date(10_000 + 5000).toUTCString(), 10_000)).toBe(5000);
    expect(parseRetryAfter('9999999')).toBe(RETRY_AFTER_CAP_MS);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(undefined)).toBeNull();
  });
});

describe('retryBackoff', () => {
  const backoff = retryBackoff(100, () => 1);
  it('follows the schedule, stretched to a longer Retry-After of a failed attempt only', () => {
    expect(backoff(2)).toBe(400);
    expect(backoff(2, 'custom', new Error('no header'))).toBe(400);
    expect(backoff(2, 'custom', new AttemptFailed('busy', '10'))).toBe(10_000);
    expect(backoff(2, 'custom', new AttemptFailed('soon', '0'))).toBe(400);
    expect(backoff(2, 'custom', new AttemptFailed('no header', undefined))).toBe(400);
  });
});
