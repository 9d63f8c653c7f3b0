import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerAuth, CurrentActor, RequireRoles } from '../auth/auth.decorators.js';
import type { Actor } from '../auth/roles.js';
import { PageQueryDto } from '../common/pagination.js';
import { CreateRoleDto, RoleDto, RolePageDto, UpdateRoleDto } from './dto/roles.dto.js';
import { RolesService } from './roles.service.js';

@ApiTags('roles')
@BearerAuth()
@Controller('roles')
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Get()
  @ApiOkResponse({ type: RolePageDto })
  @ApiOperation({ summary: 'List roles', description: 'The built-in roles and those the organisation defined, by key. Any role may read them.' })
  list(@Query() query: PageQueryDto): Promise<RolePageDto> {
    return this.roles.list(query);
  }

  @Post()
  @RequireRoles('governance')
  @ApiCreatedResponse({ type: RoleDto })
  @ApiConflictResponse({ description: '`role-exists`: the key is taken' })
  @ApiOperation({
    summary: 'Define a role',
    description: 'A role for tasks: BPMN candidate groups, tokens and people may name it once it exists. Route permissions stay with the built-in roles.',
  })
  create(@Body() dto: CreateRoleDto, @CurrentActor() actor: Actor): Promise<RoleDto> {
    return this.roles.create(dto, actor);
  }

  @Get(':key')
  @ApiOkResponse({ type: RoleDto })
  @ApiOperation({ summary: 'One role' })
  get(@Param('key') key: string): Promise<RoleDto> {
    return this.roles.get(key);
  }

  @Patch(':key')
  @RequireRoles('governance')
  @ApiOkResponse({ type: RoleDto })
  @ApiConflictResponse({
    description: '`built-in-role`: a built-in role cannot be re-keyed; `role-in-use`: nor can a role still named somewhere (`usedBy`); `role-exists`',
  })
  @ApiOperation({ summary: 'Change a role', description: 'Name, description, notification defaults, and the key of an unused organisation-defined role.' })
  update(@Param('key') key: string, @Body() dto: UpdateRoleDto, @CurrentActor() actor: Actor): Promise<RoleDto> {
    return this.roles.update(key, dto, actor);
  }

  @Delete(':key')
  @RequireRoles('governance')
  @ApiOkResponse({ type: RoleDto, description: 'The deleted role' })
  @ApiConflictResponse({
    description:
      '`built-in-role`: built-in roles cannot be deleted; `role-in-use`: the role is still named by a process definition (any stored version), a token not revoked, an open task, a person it was assigned to or an identity-provider group mapping — `usedBy` lists where',
  })
  @ApiOperation({ summary: 'Delete a role' })
  remove(@Param('key') key: string, @CurrentActor() actor: Actor): Promise<RoleDto> {
    return this.roles.remove(key, actor);
  }
}
