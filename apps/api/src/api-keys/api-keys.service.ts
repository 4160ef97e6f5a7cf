// Creates keys (shown once), lists and revokes them, always inside one organisation. Used by the
// admin page's API and by `npm run admin -- create-key`.
import { Injectable } from '@nestjs/common';
import { ApiKeyScope, ApiKeysRepository } from '@asynclab/database';
import { newApiKey } from '../auth/secrets';
import type { ApiKeyCreated, ApiKeyListing } from '@asynclab/contracts';
import { toKeyView } from './api-keys.dto';

@Injectable()
export class ApiKeysService {
  constructor(private readonly keys: ApiKeysRepository) {}

  async create(organizationId: string, name: string, scopes: ApiKeyScope[], createdById: string | null): Promise<ApiKeyCreated> {
    return createApiKey(this.keys, organizationId, name, scopes, createdById);
  }

  async list(organizationId: string): Promise<ApiKeyListing[]> {
    return (await this.keys.list(organizationId)).map(toKeyView);
  }

  revoke(organizationId: string, id: string): Promise<boolean> {
    return this.keys.revoke(organizationId, id);
  }
}

/** Shared with the admin CLI, which has no Nest container. */
export async function createApiKey(
  keys: ApiKeysRepository,
  organizationId: string,
  name: string,
  scopes: ApiKeyScope[],
  createdById: string | null,
): Promise<ApiKeyCreated> {
  const { key, prefix, secretHash } = newApiKey();
  const row = await keys.create(organizationId, { name, prefix, secretHash, scopes, createdById });
  return { ...toKeyView(row), key };
}
