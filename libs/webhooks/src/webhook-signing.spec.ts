import { Webhook } from 'standardwebhooks';
import { generateWebhookSecret, newDeliveryId, signDelivery, signingSecrets } from './webhook-signing';

describe('webhook signing', () => {
  it('signs so that the standardwebhooks verifier accepts it, with every secret in force', () => {
    const [current, previous] = [generateWebhookSecret(), generateWebhookSecret()];
    expect(current).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const body = JSON.stringify({ type: 'lab.passed', data: {} });
    const headers = signDelivery([current, previous], newDeliveryId(), new Date(), body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(current).verify(body, { ...headers })).toEqual({ type: 'lab.passed', data: {} });
    expect(new Webhook(previous).verify(body, { ...headers })).toEqual({ type: 'lab.passed', data: {} });
    expect(() => new Webhook(generateWebhookSecret()).verify(body, { ...headers })).toThrow();
    expect(() => new Webhook(current).verify(body + ' ', { ...headers })).toThrow();
  });

  it('keeps the previous secret only until its overlap ends', () => {
    const now = new Date();
    const endpoint = { secret: 'whsec_new', previousSecret: 'whsec_old', previousSecretExpiresAt: new Date(now.getTime() + 1000) };
    expect(signingSecrets(endpoint, now)).toEqual(['whsec_new', 'whsec_old']);
    expect(signingSecrets(endpoint, new Date(now.getTime() + 2000))).toEqual(['whsec_new']);
    expect(signingSecrets({ secret: 'whsec_new', previousSecret: null, previousSecretExpiresAt: null }, now)).toEqual(['whsec_new']);
  });
});
