// Users by the LMS's external id: create, update, find. Admins use the same endpoints.
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal, Principal } from '../auth/principal';
import type { UserListing } from '@asynclab/contracts';
import { CreateUserDto, UpdateUserDto, UserListQuery, UserView } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Access({ roles: ['admin'], keyScope: 'manage' })
  @ApiOperation({ summary: 'Create a user, typically a learner known by the LMS’s external id' })
  @ApiCreatedResponse({ type: UserView })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateUserDto): Promise<UserListing> {
    return this.users.create(principal, dto);
  }

  @Get()
  @Access({ roles: ['instructor', 'admin'], keyScope: 'read' })
  @ApiOperation({ summary: "The organisation's users, newest first" })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: UserListQuery,
  ): Promise<{ users: UserListing[]; nextCursor: string | null }> {
    return this.users.list(principal, query);
  }

  @Get('by-external-id/:externalId')
  @Access({ roles: ['instructor', 'admin'], keyScope: 'read' })
  @ApiOperation({ summary: 'Find a user by the LMS’s external id' })
  @ApiOkResponse({ type: UserView })
  findByExternalId(@CurrentPrincipal() principal: Principal, @Param('externalId') externalId: string): Promise<UserListing> {
    return this.users.findByExternalId(principal, externalId);
  }

  @Get(':userId')
  @Access({ roles: 'any', keyScope: 'read' })
  @ApiOperation({ summary: 'One user (learners: only themselves)' })
  @ApiOkResponse({ type: UserView })
  get(@CurrentPrincipal() principal: Principal, @Param('userId') id: string): Promise<UserListing> {
    return this.users.get(principal, id);
  }

  @Patch(':userId')
  @Access({ roles: ['admin'], keyScope: 'manage' })
  @ApiOperation({ summary: 'Update a user' })
  @ApiOkResponse({ type: UserView })
  update(@CurrentPrincipal() principal: Principal, @Param('userId') id: string, @Body() dto: UpdateUserDto): Promise<UserListing> {
    return this.users.update(principal, id, dto);
  }
}
