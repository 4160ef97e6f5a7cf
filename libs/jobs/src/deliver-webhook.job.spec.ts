import { deliverWebhookJobId, parseDeliverWebhookJob } from './deliver-webhook.job';
import { InvalidJobPayloadError } from './run-submission.job';

describe('the deliver-webhook payload', () => {
  it('accepts version 1 with a delivery id and refuses anything else', () => {
    expect(parseDeliverWebhookJob({ version: 1, deliveryId: 'msg_abcdefghijkl', extra: 1 })).toEqual({
      version: 1,
      deliveryId: 'msg_abcdefghijkl',
    });
    expect(() => parseDeliverWebhookJob({ version: 2, deliveryId: 'msg_abcdefghijkl' })).toThrow(InvalidJobPayloadError);
    expect(() => parseDeliverWebhookJob({ version: 1, deliveryId: 'x' })).toThrow(/deliveryId/);
    expect(() => parseDeliverWebhookJob(null)).toThrow(InvalidJobPayloadError);
  });

  it('carries the redelivery round when there is one, and refuses one that is not a whole number', () => {
    expect(parseDeliverWebhookJob({ version: 1, deliveryId: 'msg_abcdefghijkl', redelivery: 3 })).toEqual({
      version: 1,
      deliveryId: 'msg_abcdefghijkl',
      redelivery: 3,
    });
    expect(() => parseDeliverWebhookJob({ version: 1, deliveryId: 'msg_abcdefghijkl', redelivery: -1 })).toThrow(/redelivery/);
    expect(() => parseDeliverWebhookJob({ version: 1, deliveryId: 'msg_abcdefghijkl', redelivery: '2' })).toThrow(/redelivery/);
  });

  it('names one job per delivery and one per redelivery', () => {
    expect(deliverWebhookJobId('msg_a')).toBe('whd-msg_a');
    expect(deliverWebhookJobId('msg_a', 7)).toBe('whd-msg_a-r7');
  });
});
