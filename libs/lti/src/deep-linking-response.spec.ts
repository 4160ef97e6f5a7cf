import { deepLinkingResponsePayload, resourceLinkItem } from './deep-linking-response';
import { LtiClaim } from './lti-claims';

describe('the deep linking response', () => {
  it('carries one resource link per assignment with a line item of 100 points keyed on the assignment', () => {
    const item = resourceLinkItem({ assignmentId: 'a-1', labId: 'lost-task', title: 'Lost task', url: 'https://tool/labs/lost-task' });
    expect(item).toEqual({
      type: 'ltiResourceLink',
      title: 'Lost task',
      url: 'https://tool/labs/lost-task',
      custom: { assignment_id: 'a-1', lab_id: 'lost-task' },
      lineItem: { scoreMaximum: 100, label: 'Lost task', resourceId: 'a-1', tag: 'asynclab' },
    });
    const payload = deepLinkingResponsePayload('dep-1', [item], 'opaque', '1 lab assigned');
    expect(payload).toMatchObject({
      [LtiClaim.messageType]: 'LtiDeepLinkingResponse',
      [LtiClaim.version]: '1.3.0',
      [LtiClaim.deploymentId]: 'dep-1',
      [LtiClaim.contentItems]: [item],
      [LtiClaim.deepLinkingData]: 'opaque',
    });
    expect(payload.nonce).toEqual(expect.any(String));
    expect(deepLinkingResponsePayload('dep-1', [], null, '')).not.toHaveProperty([LtiClaim.deepLinkingData]);
  });
});
