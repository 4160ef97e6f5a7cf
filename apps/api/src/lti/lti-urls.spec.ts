import { isOwnUrl, labIdOfUrl, toolUrls } from './lti-urls';
import { parsePlatformConfiguration } from './lti-dynamic-registration.service';

const config = {
  lti: {
    publicUrl: 'https://labs.example.test',
    clockSkewSeconds: 60,
    stateTtlMs: 1,
    keyMaxAgeMs: 0,
    keyOverlapMs: 0,
    launchTokenTtlMs: 1,
    requireBrowserBinding: false,
  },
};

describe('our LTI URLs', () => {
  it('are built from LTI_PUBLIC_URL', () => {
    expect(toolUrls(config)).toEqual({
      loginUrl: 'https://labs.example.test/api/v1/lti/login',
      launchUrl: 'https://labs.example.test/api/v1/lti/launch',
      jwksUrl: 'https://labs.example.test/api/v1/lti/jwks',
      deepLinkUrl: 'https://labs.example.test/api/v1/lti/launch',
      domain: 'labs.example.test',
    });
  });

  it('accept only our own origin as a launch target (no open redirect)', () => {
    expect(isOwnUrl(config, 'https://labs.example.test/labs/x')).toBe(true);
    expect(isOwnUrl(config, 'https://labs.example.test.evil.test/labs/x')).toBe(false);
    expect(isOwnUrl(config, 'http://labs.example.test/labs/x')).toBe(false);
    expect(isOwnUrl(config, 'not a url')).toBe(false);
  });

  it('find the lab a target link points at', () => {
    expect(labIdOfUrl('https://labs.example.test/labs/news-cache-lock')).toBe('news-cache-lock');
    expect(labIdOfUrl('https://labs.example.test/labs/news-cache-lock/more')).toBeNull();
    expect(labIdOfUrl('https://labs.example.test/api/v1/lti/launch')).toBeNull();
  });
});

describe('a platform openid configuration (dynamic registration)', () => {
  const body = {
    issuer: 'https://lms.test',
    authorization_endpoint: 'https://lms.test/auth',
    token_endpoint: 'https://lms.test/token',
    jwks_uri: 'https://lms.test/jwks',
    registration_endpoint: 'https://lms.test/register',
    'https://purl.imsglobal.org/spec/lti-platform-configuration': { product_family_code: 'moodle' },
  };

  it('is read with its endpoints and product', () => {
    expect(parsePlatformConfiguration(body, 'https://lms.test/.well-known/openid-configuration')).toMatchObject({
      issuer: 'https://lms.test',
      registrationEndpoint: 'https://lms.test/register',
      productFamily: 'moodle',
    });
  });

  it('names a missing endpoint, and refuses an issuer on another host', () => {
    expect(() => parsePlatformConfiguration({ ...body, jwks_uri: undefined }, 'https://lms.test/c')).toThrow(/jwks_uri/);
    expect(() => parsePlatformConfiguration(body, 'https://attacker.test/c')).toThrow(/not on the host/);
  });
});
