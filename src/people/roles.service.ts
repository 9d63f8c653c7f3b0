import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import type { Actor } from '../auth/roles.js';
import { Clock } from '../clock/clock.js';
import { type Page, page, type PageQueryDto } from '../common/pagination.js';
import { RoleUsages } from '../common/role-usages.js';
import { Database } from '../database/database.js';
import { type CreateRoleDto, type RoleDto, toRoleDto, type UpdateRoleDto } from './dto/roles.dto.js';
import type { RoleEntity } from './entities/role.entity.js';
import { PeopleError, PeopleErrorCode } from './people.errors.js';
import { PeopleRepository } from './repositories/people.repository.js';
import { RolesRepository } from './repositories/roles.repository.js';

/**
 * Roles as data. The built-in ones (route permissions name them) cannot be deleted or re-keyed; an
 * organisation adds its own for tasks. A role still named somewhere — every registered
 * `RoleUsages` source, and people it was assigned to — is neither deleted nor re-keyed.
 */
@Injectable()
export class RolesService implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly roles: RolesRepository,
    private readonly people: PeopleRepository,
    private readonly usages: RoleUsages,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.usages.register({ describe: 'people (assigned roles)', usages: (role) => this.people.assignedTo(this.db.manager, role) });
  }

  async list(query: PageQueryDto): Promise<Page<RoleDto>> {
    const [items, total] = await this.roles.list(this.db.manager, query.limit, query.offset);
    return page(items.map(toRoleDto), total, query);
  }

  async get(key: string): Promise<RoleDto> {
    const role = await this.roles.find(this.db.manager, key);
    if (!role) throw notFound(key);
    return toRoleDto(role);
  }

  async create(dto: CreateRoleDto, actor: Actor): Promise<RoleDto> {
    return this.db.transaction(async (m) => {
      const now = this.clock.now();
      const role: RoleEntity = {
        key: dto.key,
        name: dto.name,
        description: dto.description ?? '',
        builtIn: false,
        notificationDefaults: dto.notificationDefaults ?? null,
        createdAt: now,
        updatedAt: now,
      };
      if (!(await this.roles.insert(m, role))) throw exists(dto.key);
      await this.audit.append(m, actor, { action: 'role.created', subjectType: 'role', subjectId: role.key, after: { ...toRoleDto(role) } });
      return toRoleDto(role);
    });
  }

  async update(key: string, dto: UpdateRoleDto, actor: Actor): Promise<RoleDto> {
    return this.db.transaction(async (m) => {
      const role = await this.roles.lock(m, key);
      if (!role) throw notFound(key);
      const before = toRoleDto(role);
      const now = this.clock.now();
      if (dto.key !== undefined && dto.key !== key) {
        if (role.builtIn) throw builtIn(key, 'renamed (re-keyed)', '/key');
        await this.refuseInUse(key, 're-keyed');
        if (await this.roles.find(m, dto.key)) throw exists(dto.key);
        await this.roles.rekey(m, key, dto.key, now);
        role.key = dto.key;
      }
      if (dto.name !== undefined) role.name = dto.name;
      if (dto.description !== undefined) role.description = dto.description;
      if (dto.notificationDefaults !== undefined) role.notificationDefaults = dto.notificationDefaults;
      role.updatedAt = now;
      const saved = await this.roles.save(m, role);
      await this.audit.append(m, actor, { action: 'role.updated', subjectType: 'role', subjectId: key, before: { ...before }, after: { ...toRoleDto(saved) } });
      return toRoleDto(saved);
    });
  }

  async remove(key: string, actor: Actor): Promise<RoleDto> {
    return this.db.transaction(async (m) => {
      const role = await this.roles.lock(m, key);
      if (!role) throw notFound(key);
      if (role.builtIn) throw builtIn(key, 'deleted', '/path/key');
      await this.refuseInUse(key, 'deleted');
      await this.roles.delete(m, key);
      await this.audit.append(m, actor, { action: 'role.deleted', subjectType: 'role', subjectId: key, before: { ...toRoleDto(role) } });
      return toRoleDto(role);
    });
  }

  private async refuseInUse(key: string, what: string): Promise<void> {
    const usedBy = await this.usages.of(key);
    if (!usedBy.length) return;
    throw new PeopleError(
      PeopleErrorCode.RoleInUse,
      `Role "${key}" cannot be ${what} while it is in use: ${usedBy.map((u) => `${u.source} (${u.usages.length})`).join(', ')}`,
      [{ pointer: '/path/key', message: `is named by ${usedBy.map((u) => u.source).join(', ')}` }],
      { usedBy },
    );
  }
}

function notFound(key: string): PeopleError {
  return new PeopleError(PeopleErrorCode.RoleNotFound, `No role "${key}"`);
}

function exists(key: string): PeopleError {
  return new PeopleError(PeopleErrorCode.RoleExists, `A role "${key}" exists already`, [{ pointer: '/key', message: 'is taken' }]);
}

function builtIn(key: string, what: string, pointer: string): PeopleError {
  return new PeopleError(PeopleErrorCode.BuiltInRole, `"${key}" is a built-in role and cannot be ${what}`, [{ pointer, message: 'names a built-in role' }]);
}
