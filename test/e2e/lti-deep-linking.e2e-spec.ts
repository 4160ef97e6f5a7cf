// Deep Linking 2.0 against the real service and a simulated platform: an instructor picks labs,
// they become assignments of the course's cohort, and the platform receives a signed
// LtiDeepLinkingResponse that verifies against our JWKS; a learner's launch of the created link
// lands on the lab and records the link with its AGS line item.
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { call } from './support/client';
import { readForm, type SimulatedPlatform } from '../support/lti-platform';
import { deepLinkingClaims, launch, postForm, resourceLinkClaims } from '../support/lti-launch-flow';
import { ltiOrg, registeredPlatform, startLtiTool, type LtiOrg, type LtiTool } from '../support/lti-tool';

const DL = 'https://purl.imsglobal.org/spec/lti-dl/claim/';
const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
const LABS = ['news-never-awaited', 'news-cache-lock'];

interface ContentItem {
  type: string;
  url: string;
  title: string;
  custom: { assignment_id: string; lab_id: string };
  lineItem: { scoreMaximum: number; resourceId: string };
}

describe('LTI deep linking', () => {
  let tool: LtiTool;
  let org: LtiOrg;
  let platform: SimulatedPlatform;
  const course = { id: 'course-dl', title: 'Debugging asyncio' };

  beforeAll(async () => {
    tool = await startLtiTool();
    org = await ltiOrg(tool);
    ({ platform } = await registeredPlatform(tool, org));
  });
  afterAll(async () => {
    await platform.close();
    await tool.close();
  });

  async function openPicker(sub: string, role: 'instructor' | 'learner' = 'instructor') {
    const claims = deepLinkingClaims(platform, { sub, role, targetLinkUri: `${tool.origin}/api/v1/lti/launch`, context: course });
    return launch(tool.origin, platform, claims);
  }
  const pickerToken = (html: string) => /name="token" value="([^"]+)"/.exec(html)?.[1] ?? '';

  it('turns the labs an instructor picks into assignments and answers a signed LtiDeepLinkingResponse', async () => {
    const picker = await openPicker('teacher-1');
    expect(picker.response.status).toBe(200);
    for (const lab of LABS) expect(picker.text).toContain(`value="${lab}"`);
    const due = new Date(Date.now() + 10 * 24 * 3600_000).toISOString().slice(0, 10);

    const answer = await postForm(`${tool.origin}/api/v1/lti/deep-link`, { token: pickerToken(picker.text), labIds: LABS, dueDate: due });
    expect(answer.status).toBe(200);
    const html = await answer.text();
    expect(answer.headers.get('content-security-policy')).toContain(`form-action ${platform.origin}`);
    const returned = readForm(html);
    expect(returned.action).toBe(platform.url('/deep-link-return'));

    // The platform verifies it with nothing but our JWKS URL.
    const { payload, protectedHeader } = await jwtVerify(returned.fields.JWT, createRemoteJWKSet(new URL(`${tool.baseUrl}/lti/jwks`)), {
      issuer: platform.clientId,
      audience: platform.issuer,
    });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({
      [`${LTI}message_type`]: 'LtiDeepLinkingResponse',
      [`${LTI}version`]: '1.3.0',
      [`${LTI}deployment_id`]: platform.deploymentId,
      [`${DL}data`]: 'platform-opaque-data',
    });
    expect(payload.nonce).toEqual(expect.any(String));
    const items = payload[`${DL}content_items`] as ContentItem[];
    expect(items.map((item) => item.custom.lab_id)).toEqual(LABS);

    const assignments = await tool.accounts.query<{ id: string; lab_id: string; due_at: Date; created_by_id: string | null }>(
      `SELECT a.id, a.lab_id, a.due_at, c.created_by_id FROM cohort_assignments a JOIN lti_contexts x ON x.cohort_id = a.cohort_id
       JOIN cohorts c ON c.id = a.cohort_id WHERE x.context_id = $1 ORDER BY a.lab_id DESC`,
      course.id,
    );
    expect(assignments.map((a) => a.lab_id)).toEqual(LABS);
    expect(assignments[0].due_at.toISOString()).toBe(`${due}T23:59:59.000Z`);
    for (const [index, item] of items.entries()) {
      expect(item).toMatchObject({ type: 'ltiResourceLink', url: `${tool.origin}/labs/${LABS[index]}`, lineItem: { scoreMaximum: 100 } });
      expect(item.lineItem.resourceId).toBe(assignments[index].id);
      expect(item.custom.assignment_id).toBe(assignments[index].id);
    }
    // The cohort belongs to the instructor who launched first.
    const [teacher] = await tool.accounts.query<{ id: string; role: string }>(
      `SELECT u.id, u.role FROM lti_user_links l JOIN users u ON u.id = l.user_id WHERE l.subject = 'teacher-1'`,
    );
    expect(teacher.role).toBe('instructor');
    expect(assignments[0].created_by_id).toBe(teacher.id);

    // As the browser would: the form reaches the platform.
    await postForm(returned.action, returned.fields);
    expect(platform.deepLinkReturns).toEqual([returned.fields.JWT]);

    // The selection token works once; picking again later reuses the assignment, never a second one.
    const replay = await postForm(`${tool.origin}/api/v1/lti/deep-link`, { token: pickerToken(picker.text), labIds: LABS, dueDate: due });
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ code: 'LTI_DEEP_LINK_INVALID', field: 'token' });
    const second = await openPicker('teacher-1');
    const again = await postForm(`${tool.origin}/api/v1/lti/deep-link`, { token: pickerToken(second.text), labIds: LABS[0], dueDate: due });
    const [item] = (await jwtVerify(readForm(await again.text()).fields.JWT, createRemoteJWKSet(new URL(`${tool.baseUrl}/lti/jwks`))))
      .payload[`${DL}content_items`] as ContentItem[];
    expect(item.custom.assignment_id).toBe(assignments[0].id);

    // A learner launching the created link lands on its lab; the link keeps the line item the platform made.
    const lineitem = platform.url(`/lineitems/${assignments[0].id}`);
    const learnerLaunch = await launch(
      tool.origin,
      platform,
      resourceLinkClaims(platform, {
        sub: 'student-1',
        role: 'learner',
        targetLinkUri: items[0].url,
        context: course,
        resourceLinkId: 'link-from-dl-1',
        custom: items[0].custom,
        ags: { lineitems: platform.url('/lineitems'), lineitem, scope: ['https://purl.imsglobal.org/spec/lti-ags/scope/score'] },
      }),
      { 'sec-fetch-dest': 'document' },
    );
    expect(learnerLaunch.response.status).toBe(303);
    expect(learnerLaunch.response.headers.get('location')).toBe(`${tool.origin}/labs/${LABS[0]}`);
    const links = await tool.accounts.query<{ assignment_id: string; lineitem_url: string }>(
      `SELECT assignment_id, lineitem_url FROM lti_resource_links WHERE resource_link_id = 'link-from-dl-1'`,
    );
    expect(links).toEqual([{ assignment_id: assignments[0].id, lineitem_url: lineitem }]);
    const [context] = await tool.accounts.query<{ lineitems_url: string; ags_scopes: string[] }>(
      `SELECT lineitems_url, ags_scopes FROM lti_contexts WHERE context_id = $1`,
      course.id,
    );
    expect(context).toEqual({
      lineitems_url: platform.url('/lineitems'),
      ags_scopes: ['https://purl.imsglobal.org/spec/lti-ags/scope/score'],
    });
  });

  it('refuses deep linking by a learner and a pick outside the catalog', async () => {
    const asLearner = await openPicker('student-2', 'learner');
    expect(asLearner.response.status).toBe(400);
    expect(JSON.parse(asLearner.text)).toMatchObject({
      code: 'LTI_MESSAGE_INVALID',
      message: expect.stringContaining('instructors') as unknown,
    });
    const picker = await openPicker('teacher-2');
    const unknown = await postForm(`${tool.origin}/api/v1/lti/deep-link`, {
      token: pickerToken(picker.text),
      labIds: 'no-such-lab',
      dueDate: '2099-01-01',
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ code: 'LTI_DEEP_LINK_INVALID', field: 'labIds' });
    const past = await postForm(`${tool.origin}/api/v1/lti/deep-link`, {
      token: pickerToken(picker.text),
      labIds: LABS[0],
      dueDate: '2001-01-01',
    });
    expect(await past.json()).toMatchObject({ code: 'LTI_DEEP_LINK_INVALID', field: 'dueDate' });
  });

  it('keeps the cohort an instructor sees in the course list of the organisation', async () => {
    const listed = await call<{ cohorts: { name: string }[] }>(tool.baseUrl, 'GET', '/cohorts', { caller: org.admin });
    expect(listed.body.cohorts.map((c) => c.name)).toContain(course.title);
  });
});
