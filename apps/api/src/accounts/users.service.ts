// Users of one organisation, as admins and LMS keys manage them. Every read goes through the
// organisation-scoped repository, and a user outside the caller's view is "not found".
import { Injectable } from '@nestjs/common';
import { DuplicateUserError, UserRow, UsersRepository } from '@asynclab/database';
import { maySeeUser } from '../auth/access-policy';
import { Principal } from '../auth/principal';
import { ErrorCode } from '@asynclab/contracts';
import { AccountsException } from './accounts.exception';
import { toPageQuery } from '../common/dto/page-query.dto';
import type { UserListing } from '@asynclab/contracts';
import { CreateUserDto, toUserView, UpdateUserDto, UserListQuery } from './users.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const userNotFound = (id: string) => new AccountsException(ErrorCode.UserNotFound, `user "${id}" does not exist`, 'userId');

@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  async create(principal: Principal, dto: CreateUserDto): Promise<UserListing> {
    if (!dto.externalId && !dto.email)
      throw new AccountsException(ErrorCode.ValidationFailed, 'a user needs an externalId or an email', 'externalId');
    try {
      return toUserView(
        await this.users.create(principal.organizationId, {
          externalId: dto.externalId,
          email: dto.email,
          displayName: dto.displayName,
          role: dto.role ?? 'learner',
        }),
      );
    } catch (error) {
      throw duplicate(error);
    }
  }

  async update(principal: Principal, id: string, dto: UpdateUserDto): Promise<UserListing> {
    await this.visible(principal, id);
    try {
      const updated = await this.users.update(principal.organizationId, id, {
        externalId: dto.externalId,
        email: dto.email,
        displayName: dto.displayName,
        role: dto.role,
      });
      if (!updated) throw userNotFound(id);
      return toUserView(updated);
    } catch (error) {
      throw duplicate(error);
    }
  }

  async get(principal: Principal, id: string): Promise<UserListing> {
    return toUserView(await this.visible(principal, id));
  }

  async findByExternalId(principal: Principal, externalId: string): Promise<UserListing> {
    const user = await this.users.findByExternalId(principal.organizationId, externalId);
    if (!user) throw new AccountsException(ErrorCode.UserNotFound, `no user has the externalId "${externalId}"`, 'externalId');
    return toUserView(user);
  }

  async list(principal: Principal, query: UserListQuery): Promise<{ users: UserListing[]; nextCursor: string | null }> {
    const page = await this.users.list(principal.organizationId, { ...toPageQuery(query), role: query.role, externalId: query.externalId });
    return { users: page.items.map(toUserView), nextCursor: page.nextCursor };
  }

  /** The user, when the principal may see them; 404 for a user elsewhere or out of view. */
  async visible(principal: Principal, id: string): Promise<UserRow> {
    const user = UUID.test(id) && maySeeUser(principal, id) ? await this.users.findById(principal.organizationId, id) : null;
    if (!user || user.isGuest) throw userNotFound(id);
    return user;
  }
}

function duplicate(error: unknown): unknown {
  if (error instanceof DuplicateUserError) return new AccountsException(ErrorCode.UserExists, error.message, error.field);
  return error;
}
