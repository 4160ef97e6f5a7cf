import { parseMembershipPage } from './nrps-client';
import { cacheKey, parseTokenAnswer } from './platform-token-client';

describe('a roster page', () => {
  it('reads members with their status, roles, name and email, checking each', () => {
    const members = parseMembershipPage({
      id: 'https://lms.test/ctx/1/memberships',
      members: [
        {
          user_id: 'u1',
          status: 'Active',
          roles: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Learner'],
          name: ' Ada L ',
          email: 'ADA@Example.test',
        },
        { user_id: 'u2', status: 'Inactive', roles: [], given_name: 'Bo', family_name: 'Ng' },
        { user_id: 'u3', status: 'Deleted', email: 'not an email' },
        { user_id: 'u4', roles: 'Learner', name: 7 },
        { user_id: '' },
        { name: 'no id' },
        'junk',
      ],
    });
    expect(members).toEqual([
      {
        userId: 'u1',
        status: 'Active',
        roles: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Learner'],
        name: 'Ada L',
        email: 'ada@example.test',
      },
      { userId: 'u2', status: 'Inactive', roles: [], name: 'Bo Ng', email: null },
      { userId: 'u3', status: 'Deleted', roles: [], name: null, email: null },
      { userId: 'u4', status: 'Active', roles: [], name: null, email: null },
    ]);
  });

  it('refuses an answer without a members array', () => {
    expect(() => parseMembershipPage({ members: 'x' })).toThrow(/members/);
    expect(() => parseMembershipPage(null)).toThrow(/members/);
  });
});

describe('a token answer', () => {
  it('takes a bearer access_token and its lifetime (an hour when unsaid)', () => {
    expect(parseTokenAnswer({ access_token: 't', token_type: 'Bearer', expires_in: 3599.5 })).toEqual({
      accessToken: 't',
      expiresInSeconds: 3599,
    });
    expect(parseTokenAnswer({ access_token: 't' }).expiresInSeconds).toBe(3600);
  });

  it('refuses an answer without a token or of another type', () => {
    expect(() => parseTokenAnswer({ token_type: 'Bearer' })).toThrow(/access_token/);
    expect(() => parseTokenAnswer({ access_token: 't', token_type: 'mac' })).toThrow(/Bearer/);
  });

  it('caches one token per platform and scope set, whatever the order of the scopes', () => {
    expect(cacheKey('p1', ['b', 'a'])).toBe(cacheKey('p1', ['a', 'b']));
    expect(cacheKey('p1', ['a'])).not.toBe(cacheKey('p1', ['a', 'b']));
    expect(cacheKey('p2', ['a'])).not.toBe(cacheKey('p1', ['a']));
  });
});
