// Runs every LTI model and field of prisma/schema.prisma through the generated client against the
// migrated database (prisma/migrations/20261201190000_lti is hand-written SQL, like the others).
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../generated/prisma/client';
import { TEST_DATABASE_URL } from '../e2e-env';

describe('the LTI migration matches prisma/schema.prisma', () => {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: TEST_DATABASE_URL }) });
  afterAll(() => prisma.$disconnect());

  it('round-trips the LTI models with their unique keys and cascades', async () => {
    const stamp = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const org = await prisma.organization.create({ data: { slug: `lti-drift-${stamp}`, name: 'n' } });
    const user = await prisma.user.create({ data: { organizationId: org.id, email: 'i@lti.test', role: 'instructor' } });
    const lab = await prisma.lab.create({
      data: { id: `lti-drift-${stamp}`, title: 't', chapter: 11, difficulty: 'beginner', kind: 'fix-code', objectives: [] },
    });
    const cohort = await prisma.cohort.create({
      data: { organizationId: org.id, name: 'c', joinCode: `lti-${stamp}`, createdById: user.id },
    });
    const assignment = await prisma.cohortAssignment.create({
      data: { cohortId: cohort.id, labId: lab.id, opensAt: new Date(), dueAt: new Date(Date.now() + 86_400_000) },
    });

    const issuer = `https://lms.test/${stamp}`;
    const urls = { authLoginUrl: `${issuer}/auth`, authTokenUrl: `${issuer}/token`, jwksUrl: `${issuer}/jwks` };
    const platform = await prisma.ltiPlatform.create({
      data: {
        organizationId: org.id,
        name: 'LMS',
        issuer,
        clientId: 'c1',
        ...urls,
        registeredVia: 'dynamic',
        deployments: { create: [{ deploymentId: 'd1' }] },
      },
      include: { deployments: true },
    });
    expect(platform).toMatchObject({ registeredVia: 'dynamic', deployments: [{ deploymentId: 'd1' }] });
    await expect(
      prisma.ltiPlatform.create({ data: { organizationId: org.id, name: 'again', issuer, clientId: 'c1', ...urls } }),
    ).rejects.toMatchObject({ code: 'P2002' });
    await prisma.ltiPlatform.create({
      data: { organizationId: org.id, name: 'same issuer, other client', issuer, clientId: 'c2', ...urls },
    });
    await expect(prisma.ltiDeployment.create({ data: { platformId: platform.id, deploymentId: 'd1' } })).rejects.toMatchObject({
      code: 'P2002',
    });

    const key = await prisma.ltiKey.create({
      data: { kid: `k-${stamp}`, publicJwk: { kty: 'RSA' }, privateJwk: { kty: 'RSA', d: 'x' }, retiredAt: new Date() },
    });
    expect(key.publicJwk).toEqual({ kty: 'RSA' });
    await prisma.ltiKey.delete({ where: { kid: key.kid } });

    const expiresAt = new Date(Date.now() + 60_000);
    await prisma.ltiLaunchState.create({
      data: {
        state: `s-${stamp}`,
        nonce: `n-${stamp}`,
        platformId: platform.id,
        targetLinkUri: 'https://tool/launch',
        storageTarget: '_parent',
        expiresAt,
      },
    });
    await expect(
      prisma.ltiLaunchState.create({
        data: { state: `s2-${stamp}`, nonce: `n-${stamp}`, platformId: platform.id, targetLinkUri: 'x', expiresAt },
      }),
    ).rejects.toMatchObject({ code: 'P2002' });

    await prisma.ltiUserLink.create({ data: { platformId: platform.id, subject: 'sub-1', userId: user.id } });
    await expect(prisma.ltiUserLink.create({ data: { platformId: platform.id, subject: 'sub-1', userId: user.id } })).rejects.toMatchObject(
      { code: 'P2002' },
    );

    const context = await prisma.ltiContext.create({
      data: {
        platformId: platform.id,
        deploymentId: 'd1',
        contextId: 'course-1',
        cohortId: cohort.id,
        title: 'Course',
        lineitemsUrl: `${issuer}/lineitems`,
        lineitemUrl: `${issuer}/lineitems/1`,
        agsScopes: ['https://purl.imsglobal.org/spec/lti-ags/scope/score'],
        membershipsUrl: `${issuer}/memberships`,
      },
    });
    expect(context.agsScopes).toHaveLength(1);
    const key3 = { platformId: platform.id, deploymentId: 'd1', contextId: 'course-1' };
    await expect(prisma.ltiContext.create({ data: { ...key3, cohortId: cohort.id } })).rejects.toMatchObject({ code: 'P2002' });

    const link = await prisma.ltiResourceLink.create({
      data: {
        platformId: platform.id,
        resourceLinkId: 'rl-1',
        contextId: context.id,
        assignmentId: assignment.id,
        lineitemUrl: `${issuer}/lineitems/1`,
      },
    });
    await expect(
      prisma.ltiResourceLink.create({
        data: { platformId: platform.id, resourceLinkId: 'rl-1', contextId: context.id, assignmentId: assignment.id },
      }),
    ).rejects.toMatchObject({ code: 'P2002' });

    // Deleting the platform takes its deployments, states, links and contexts with it; the users and cohort stay.
    await prisma.ltiPlatform.delete({ where: { id: platform.id } });
    expect(await prisma.ltiResourceLink.findUnique({ where: { id: link.id } })).toBeNull();
    expect(await prisma.ltiContext.findUnique({ where: { id: context.id } })).toBeNull();
    expect(await prisma.ltiUserLink.count({ where: { platformId: platform.id } })).toBe(0);
    expect(await prisma.ltiLaunchState.count({ where: { platformId: platform.id } })).toBe(0);
    expect(await prisma.user.findUnique({ where: { id: user.id } })).not.toBeNull();
    expect(await prisma.cohort.findUnique({ where: { id: cohort.id } })).not.toBeNull();
  });
});
