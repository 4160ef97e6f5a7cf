// LTI platforms (LMS registrations) and their deployments. What an admin reads or changes takes
// the organisation id, so another organisation's platform is simply not found; a launch (which
// arrives before anyone is signed in) finds its platform by issuer and client id.
import { Injectable } from '@nestjs/common';
import { Prisma } from '../../../../generated/prisma/client';
import { PrismaService } from '../prisma.service';

export interface LtiPlatformRow {
  id: string;
  organizationId: string;
  name: string;
  issuer: string;
  clientId: string;
  authLoginUrl: string;
  authTokenUrl: string;
  authTokenAudience: string | null;
  jwksUrl: string;
  registeredVia: string;
  createdAt: Date;
}

export type LtiPlatformWithDeployments = LtiPlatformRow & { deploymentIds: string[] };

export interface NewLtiPlatform {
  name: string;
  issuer: string;
  clientId: string;
  authLoginUrl: string;
  authTokenUrl: string;
  /** The aud the platform wants in our client assertion, when not its token URL; null or absent: the token URL. */
  authTokenAudience?: string | null;
  jwksUrl: string;
  registeredVia?: 'manual' | 'dynamic';
  deploymentIds: string[];
}

export type LtiPlatformChanges = Partial<Omit<NewLtiPlatform, 'registeredVia'>>;

/** Issuer + client id are taken (by any organisation: a launch could not tell them apart). */
export class DuplicateLtiPlatformError extends Error {
  constructor() {
    super('a platform with this issuer and client id is already registered');
  }
}

const WITH_DEPLOYMENTS = { deployments: { select: { deploymentId: true }, orderBy: { createdAt: 'asc' as const } } };

type PlatformWithDeploymentRows = LtiPlatformRow & { deployments: { deploymentId: string }[] };

function flatten({ deployments, ...platform }: PlatformWithDeploymentRows): LtiPlatformWithDeployments {
  return { ...platform, deploymentIds: deployments.map((d) => d.deploymentId) };
}

@Injectable()
export class LtiPlatformsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(organizationId: string, { deploymentIds, ...platform }: NewLtiPlatform): Promise<LtiPlatformWithDeployments> {
    try {
      const row = await this.prisma.ltiPlatform.create({
        data: { ...platform, organizationId, deployments: { create: unique(deploymentIds).map((deploymentId) => ({ deploymentId })) } },
        include: WITH_DEPLOYMENTS,
      });
      return flatten(row);
    } catch (error) {
      throw duplicateOr(error);
    }
  }

  async list(organizationId: string): Promise<LtiPlatformWithDeployments[]> {
    const rows = await this.prisma.ltiPlatform.findMany({
      where: { organizationId },
      orderBy: { createdAt: 'asc' },
      include: WITH_DEPLOYMENTS,
    });
    return rows.map(flatten);
  }

  async find(organizationId: string, id: string): Promise<LtiPlatformWithDeployments | null> {
    const row = await this.prisma.ltiPlatform.findFirst({ where: { id, organizationId }, include: WITH_DEPLOYMENTS });
    return row ? flatten(row) : null;
  }

  /** Changes the fields given; deploymentIds, when given, replaces the whole set. */
  async update(
    organizationId: string,
    id: string,
    { deploymentIds, ...changes }: LtiPlatformChanges,
  ): Promise<LtiPlatformWithDeployments | null> {
    try {
      const done = await this.prisma.$transaction(async (tx) => {
        const { count } = await tx.ltiPlatform.updateMany({ where: { id, organizationId }, data: changes });
        if (count === 0) return false;
        if (deploymentIds) {
          await tx.ltiDeployment.deleteMany({ where: { platformId: id, deploymentId: { notIn: deploymentIds } } });
          await tx.ltiDeployment.createMany({
            data: unique(deploymentIds).map((deploymentId) => ({ platformId: id, deploymentId })),
            skipDuplicates: true,
          });
        }
        return true;
      });
      return done ? await this.find(organizationId, id) : null;
    } catch (error) {
      throw duplicateOr(error);
    }
  }

  async addDeployment(organizationId: string, id: string, deploymentId: string): Promise<boolean> {
    const platform = await this.prisma.ltiPlatform.findFirst({ where: { id, organizationId }, select: { id: true } });
    if (!platform) return false;
    await this.prisma.ltiDeployment.createMany({ data: [{ platformId: id, deploymentId }], skipDuplicates: true });
    return true;
  }

  async delete(organizationId: string, id: string): Promise<boolean> {
    const { count } = await this.prisma.ltiPlatform.deleteMany({ where: { id, organizationId } });
    return count > 0;
  }

  /** For a launch: the platform registered under this issuer and client id, whatever its organisation. */
  async findByIssuer(issuer: string, clientId: string): Promise<LtiPlatformWithDeployments | null> {
    const row = await this.prisma.ltiPlatform.findUnique({ where: { issuer_clientId: { issuer, clientId } }, include: WITH_DEPLOYMENTS });
    return row ? flatten(row) : null;
  }

  /** For a login initiation without client_id: the issuer's only platform, or null when there are several (ambiguous) or none. */
  async findOnlyByIssuer(issuer: string): Promise<LtiPlatformWithDeployments | null> {
    const rows = await this.prisma.ltiPlatform.findMany({ where: { issuer }, take: 2, include: WITH_DEPLOYMENTS });
    return rows.length === 1 ? flatten(rows[0]) : null;
  }

  /** For the worker (AGS, NRPS): a platform by id. */
  async findById(id: string): Promise<LtiPlatformWithDeployments | null> {
    const row = await this.prisma.ltiPlatform.findUnique({ where: { id }, include: WITH_DEPLOYMENTS });
    return row ? flatten(row) : null;
  }

  async hasDeployment(platformId: string, deploymentId: string): Promise<boolean> {
    const row = await this.prisma.ltiDeployment.findUnique({
      where: { platformId_deploymentId: { platformId, deploymentId } },
      select: { id: true },
    });
    return row !== null;
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function duplicateOr(error: unknown): unknown {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return new DuplicateLtiPlatformError();
  return error;
}
