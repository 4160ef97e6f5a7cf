import { isDatabaseUnavailable } from './database-unavailable';

describe('isDatabaseUnavailable', () => {
  it('finds a refused or cut connection anywhere in the chain of causes', () => {
    expect(isDatabaseUnavailable(new Error('connect ECONNREFUSED 127.0.0.1:5432'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: new Error('terminating connection due to administrator command') }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable({ kind: 'DatabaseNotReachable', message: 'x' })).toBe(true);
  });

  it('leaves every other failure a 500', () => {
    expect(isDatabaseUnavailable(new Error('Unique constraint failed'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
