// Organisations are the tenants. Looking one up is the only query here not scoped by an
// organisation id, because it is how a request finds its organisation in the first place.
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';

export const PUBLIC_ORGANIZATION_SLUG = 'public';
/** The public organisation's id, fixed by the accounts migration. */
export const PUBLIC_ORGANIZATION_ID = '00000000-0000-4000-8000-000000000001';

export interface OrganizationRow {
  id: string;
  slug: string;
  name: string;
  openSignup: boolean;
  allowGuests: boolean;
  createdAt: Date;
}

@Injectable()
export class OrganizationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(data: { slug: string; name: string; openSignup?: boolean; allowGuests?: boolean }): Promise<OrganizationRow> {
    return this.prisma.organization.create({ data });
  }

  findBySlug(slug: string): Promise<OrganizationRow | null> {
    return this.prisma.organization.findUnique({ where: { slug } });
  }

  findById(id: string): Promise<OrganizationRow | null> {
    return this.prisma.organization.findUnique({ where: { id } });
  }

  update(id: string, data: { name?: string; openSignup?: boolean; allowGuests?: boolean }): Promise<OrganizationRow> {
    return this.prisma.organization.update({ where: { id }, data });
  }
}
