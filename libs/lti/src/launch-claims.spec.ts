import { checkAuthorizedParty, checkIssuedAt, LtiClaimError, parseLaunchClaims } from './launch-claims';
import { LtiClaim } from './lti-claims';

const base = {
  sub: 'user-1',
  nonce: 'n-1',
  name: 'Ada Lovelace',
  email: 'Ada@Example.TEST',
  [LtiClaim.messageType]: 'LtiResourceLinkRequest',
  [LtiClaim.version]: '1.3.0',
  [LtiClaim.deploymentId]: 'dep-1',
  [LtiClaim.targetLinkUri]: 'https://tool/labs/x',
  [LtiClaim.roles]: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Learner'],
  [LtiClaim.resourceLink]: { id: 'rl-1' },
  [LtiClaim.context]: { id: 'course-1', label: 'PY101' },
  [LtiClaim.custom]: { assignment_id: 'a-1', ignored: 3 },
  [LtiClaim.ags]: { lineitems: 'https://lms/li', lineitem: 'https://lms/li/1', scope: ['s1'] },
  [LtiClaim.nrps]: { context_memberships_url: 'https://lms/members', service_versions: ['2.0'] },
};

const without = (name: string) => Object.fromEntries(Object.entries(base).filter(([key]) => key !== name));

describe('parseLaunchClaims', () => {
  it('reads a resource link launch into what the launch needs', () => {
    expect(parseLaunchClaims(base)).toMatchObject({
      messageType: 'LtiResourceLinkRequest',
      subject: 'user-1',
      deploymentId: 'dep-1',
      role: 'learner',
      email: 'ada@example.test',
      name: 'Ada Lovelace',
      context: { id: 'course-1', title: 'PY101' },
      resourceLinkId: 'rl-1',
      custom: { assignment_id: 'a-1' },
      ags: { lineitems: 'https://lms/li', lineitem: 'https://lms/li/1', scopes: ['s1'] },
      membershipsUrl: 'https://lms/members',
      deepLinking: null,
    });
  });

  it.each([
    [LtiClaim.messageType, /message type/],
    [LtiClaim.version, /version/],
    [LtiClaim.deploymentId, /deployment id/],
    [LtiClaim.targetLinkUri, /target link/],
    [LtiClaim.roles, /roles/],
    [LtiClaim.resourceLink, /resource_link/],
    ['sub', /anonymous/],
    ['nonce', /nonce/],
  ])('names the missing claim %s', (claim, message) => {
    expect(() => parseLaunchClaims(without(claim))).toThrow(message);
  });

  it('refuses other message types and versions', () => {
    expect(() => parseLaunchClaims({ ...base, [LtiClaim.messageType]: 'LtiSubmissionReviewRequest' })).toThrow(/not supported/);
    expect(() => parseLaunchClaims({ ...base, [LtiClaim.version]: '1.1' })).toThrow(/version 1.1/);
  });

  it('reads deep linking settings and requires a return URL that accepts resource links', () => {
    const request = {
      ...without(LtiClaim.resourceLink),
      [LtiClaim.messageType]: 'LtiDeepLinkingRequest',
      [LtiClaim.deepLinkingSettings]: { deep_link_return_url: 'https://lms/dl', accept_types: ['ltiResourceLink'], data: 'opaque' },
    };
    expect(parseLaunchClaims(request).deepLinking).toEqual({
      returnUrl: 'https://lms/dl',
      acceptTypes: ['ltiResourceLink'],
      acceptMultiple: true,
      data: 'opaque',
    });
    expect(() => parseLaunchClaims({ ...request, [LtiClaim.deepLinkingSettings]: { accept_types: ['ltiResourceLink'] } })).toThrow(
      /deep_link_return_url/,
    );
    expect(() =>
      parseLaunchClaims({ ...request, [LtiClaim.deepLinkingSettings]: { deep_link_return_url: 'x', accept_types: ['file'] } }),
    ).toThrow(/ltiResourceLink/);
  });
});

describe('time and party checks', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const seconds = now.getTime() / 1000;

  it('tolerates an iat a little ahead within the skew, not beyond', () => {
    expect(() => {
      checkIssuedAt({ iat: seconds + 30 }, now, 60);
    }).not.toThrow();
    expect(() => {
      checkIssuedAt({ iat: seconds + 90 }, now, 60);
    }).toThrow(/future/);
    expect(() => {
      checkIssuedAt({}, now, 60);
    }).toThrow(LtiClaimError);
  });

  it('requires azp with several audiences, and that it is us', () => {
    expect(() => {
      checkAuthorizedParty({ aud: 'client' }, 'client');
    }).not.toThrow();
    expect(() => {
      checkAuthorizedParty({ aud: ['client', 'other'] }, 'client');
    }).toThrow(/azp/);
    expect(() => {
      checkAuthorizedParty({ aud: ['client', 'other'], azp: 'client' }, 'client');
    }).not.toThrow();
    expect(() => {
      checkAuthorizedParty({ aud: 'client', azp: 'other' }, 'client');
    }).toThrow(/not our client id/);
  });
});
