// The drift check (schema-drift.e2e-spec.ts) for what the webhooks' second migration added: a
// delivery's queued_at and redelivery round, and organization_notifications with its cascades
// (gone with the organisation; the endpoint id emptied when the endpoint is deleted).
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../generated/prisma/client';
import { TEST_DATABASE_URL } from '../e2e-env';

describe('prisma/migrations match prisma/schema.prisma: webhook rounds and notifications', () => {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: TEST_DATABASE_URL }) });
  afterAll(() => prisma.$disconnect());

  it('round-trips queued_at, redelivery and notifications, with their cascades', async () => {
    const org = await prisma.organization.create({ data: { slug: `drift-notes-${Date.now()}`, name: 'n' } });
    const endpoint = await prisma.webhookEndpoint.create({
      data: { organizationId: org.id, url: 'https://example.test/hook', events: ['webhook.endpoint_disabled'], secret: 'whsec_a' },
    });
    const queuedAt = new Date(Date.now() - 1000);
    const delivery = await prisma.webhookDelivery.create({
      data: { id: `msg_driftnotes${Date.now()}`, endpointId: endpoint.id, event: 'lab.passed', payload: {}, queuedAt, redelivery: 3 },
    });
    expect(await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ queuedAt, redelivery: 3 });
    const fresh = await prisma.webhookDelivery.create({
      data: { id: `${delivery.id}b`, endpointId: endpoint.id, event: 'e', payload: {} },
    });
    expect(fresh).toMatchObject({ queuedAt: null, redelivery: 0, status: 'pending' });

    const note = await prisma.organizationNotification.create({
      data: { organizationId: org.id, kind: 'webhook.endpoint_disabled', message: 'm', endpointId: endpoint.id },
    });
    expect(note).toMatchObject({ readAt: null, endpointId: endpoint.id });
    expect(note.createdAt).toBeInstanceOf(Date);
    await expect(
      prisma.organizationNotification.create({ data: { organizationId: endpoint.id, kind: 'k', message: 'm' } }),
    ).rejects.toThrow(); // FK
    await prisma.webhookEndpoint.delete({ where: { id: endpoint.id } });
    expect((await prisma.organizationNotification.findUniqueOrThrow({ where: { id: note.id } })).endpointId).toBeNull();
    await prisma.organization.delete({ where: { id: org.id } });
    expect(await prisma.organizationNotification.count({ where: { id: note.id } })).toBe(0);
  });
});
