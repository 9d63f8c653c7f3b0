import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { isIP } from 'node:net';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import type { Actor } from '../auth/roles.js';
import { canonicalSubject } from '../auth/subject.js';
import { Clock } from '../clock/clock.js';
import { type Page, page } from '../common/pagination.js';
import { PeopleDirectory, unknownRoleProblem } from '../common/people-directory.js';
import type { AppConfig } from '../config/app-config.js';
import { Database } from '../database/database.js';
import { WebhookTargets } from '../webhooks/webhook-targets.js';
import type { ChatTargetDto, CreatePersonDto, MeDto, PeopleQueryDto, PersonDto, UpdatePersonDto } from './dto/people.dto.js';
import type { PersonEntity } from './entities/person.entity.js';
import { InactivePeople, PERSON_ACTIVATION_CHANNEL } from './inactive-people.js';
import { rolesOf } from './people-directory.service.js';
import { PeopleError, PeopleErrorCode } from './people.errors.js';
import { PeopleRepository } from './repositories/people.repository.js';

/** What a person may change about themselves; the rest (activation, assigned roles) is for admins. */
const SELF_EDITABLE = new Set<keyof UpdatePersonDto>(['displayName', 'email', 'notificationPreferences', 'chatTarget']);

const isAdmin = (actor: Actor) => actor.roles.includes('admin');

export function toPersonDto(person: PersonEntity): PersonDto {
  return {
    id: person.id,
    identity: person.identity,
    displayName: person.displayName,
    email: person.email,
    active: person.active,
    source: person.source,
    roles: rolesOf(person),
    idpRoles: person.idpRoles,
    assignedRoles: person.assignedRoles,
    notificationPreferences: person.notificationPreferences,
    chatFormat: person.chatTarget?.format ?? null,
    lastSeenAt: person.lastSeenAt,
    createdAt: person.createdAt,
    updatedAt: person.updatedAt,
  };
}

/**
 * The people directory's API. Identities take the one canonical form every request field naming
 * a person takes (canonicalSubject): an identity-provider one (`<issuer>#<sub>`) verbatim, an API
 * token subject case-folded.
 */
@Injectable()
export class PeopleService {
  private readonly chatAllowHttpLoopback: boolean;

  constructor(
    private readonly db: Database,
    private readonly people: PeopleRepository,
    private readonly directory: PeopleDirectory,
    private readonly inactive: InactivePeople,
    private readonly targets: WebhookTargets,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
    config: ConfigService<AppConfig, true>,
  ) {
    this.chatAllowHttpLoopback = config.get('chatAllowHttpLoopback', { infer: true });
  }

  async list(query: PeopleQueryDto): Promise<Page<PersonDto>> {
    const active = query.active === undefined ? undefined : query.active === 'true';
    const [items, total] = await this.people.list(this.db.manager, { q: query.q, role: query.role, active }, query.limit, query.offset);
    return page(items.map(toPersonDto), total, query);
  }

  async get(id: string): Promise<PersonDto> {
    return toPersonDto(await this.find(id));
  }

  async create(dto: CreatePersonDto, actor: Actor): Promise<PersonDto> {
    const identity = this.identity(dto.identity);
    const assignedRoles = dto.assignedRoles ?? [];
    await this.checkRoles(assignedRoles, '/assignedRoles');
    return this.db.transaction(async (m) => {
      const now = this.clock.now();
      const person = await this.people.insert(m, {
        identity,
        displayName: dto.displayName,
        email: dto.email ?? null,
        active: true,
        source: 'admin',
        idpRoles: [],
        assignedRoles,
        notificationPreferences: {},
        chatTarget: null,
        lastSeenAt: null,
        createdAt: now,
        updatedAt: now,
      });
      if (!person)
        throw new PeopleError(PeopleErrorCode.PersonExists, `${identity} is in the directory already`, [{ pointer: '/identity', message: 'is taken' }]);
      await this.audit.append(m, actor, { action: 'person.created', subjectType: 'person', subjectId: person.id, after: auditView(person) });
      return toPersonDto(person);
    });
  }

  /** Admins change anything; a person changes their own name, e-mail and notification settings (403 naming any other field). */
  async update(id: string, dto: UpdatePersonDto, actor: Actor): Promise<PersonDto> {
    const fields = (Object.keys(dto) as Array<keyof UpdatePersonDto>).filter((field) => dto[field] !== undefined);
    if (dto.assignedRoles) await this.checkRoles(dto.assignedRoles, '/assignedRoles');
    if (dto.chatTarget) await this.checkChatTarget(dto.chatTarget);
    const { person, activationChanged } = await this.db.transaction(async (m) => {
      const person = await this.people.lock(m, id);
      if (!person) throw notFound(id);
      if (!isAdmin(actor)) {
        if (person.identity !== actor.subject) {
          throw new PeopleError(PeopleErrorCode.NotYourPerson, 'Only admins change other people', [], { rule: 'own person', personId: id });
        }
        const forbidden = fields.filter((field) => !SELF_EDITABLE.has(field));
        if (forbidden.length) {
          throw new PeopleError(
            PeopleErrorCode.FieldNotSelfEditable,
            `Only admins change ${forbidden.join(', ')}`,
            forbidden.map((field) => ({ pointer: `/${field}`, message: 'only an admin may change it' })),
            { rule: 'self-editable fields', fields: forbidden },
          );
        }
      }
      if (dto.active === false && person.identity === actor.subject) {
        // An admin locking themselves out would leave nobody to undo it.
        throw new PeopleError(PeopleErrorCode.CannotDeactivateSelf, 'Nobody deactivates themselves; ask another admin', [
          { pointer: '/active', message: 'is your own person' },
        ]);
      }
      const before = auditView(person);
      const activationChanged = dto.active !== undefined && dto.active !== person.active;
      if (dto.displayName !== undefined) person.displayName = dto.displayName;
      if (dto.email !== undefined) person.email = dto.email;
      if (dto.active !== undefined) person.active = dto.active;
      if (dto.assignedRoles !== undefined) person.assignedRoles = dto.assignedRoles;
      if (dto.notificationPreferences !== undefined) person.notificationPreferences = { ...dto.notificationPreferences };
      if (dto.chatTarget !== undefined) person.chatTarget = dto.chatTarget && { format: dto.chatTarget.format, url: dto.chatTarget.url };
      person.updatedAt = this.clock.now();
      const saved = await this.people.save(m, person);
      if (activationChanged) await this.people.announceActivation(m, PERSON_ACTIVATION_CHANNEL, saved.identity);
      await this.audit.append(m, actor, { action: 'person.updated', subjectType: 'person', subjectId: id, before, after: auditView(saved) });
      return { person: saved, activationChanged };
    });
    if (activationChanged) this.inactive.changed(person.identity, person.active);
    return toPersonDto(person);
  }

  /**
   * The caller's person. An API token subject met here for the first time gets a row (source
   * `token`, named after the subject), so they can set their notification choices like anyone.
   */
  async me(actor: Actor): Promise<MeDto> {
    const person =
      (await this.people.byIdentity(this.db.manager, actor.subject)) ??
      (await this.db.transaction(async (m) => {
        const now = this.clock.now();
        const created = await this.people.insert(m, {
          identity: actor.subject,
          displayName: actor.subject,
          email: null,
          active: true,
          source: 'token',
          idpRoles: [],
          assignedRoles: [],
          notificationPreferences: {},
          chatTarget: null,
          lastSeenAt: now,
          createdAt: now,
          updatedAt: now,
        });
        // Lost a race with another first request: the other one created it.
        return created ?? (await this.people.byIdentity(m, actor.subject))!;
      }));
    const settings = await this.directory.notificationSettings(person.id);
    return { ...toPersonDto(person), actingRoles: actor.roles, chatTarget: person.chatTarget, notificationSettings: settings };
  }

  private async find(id: string): Promise<PersonEntity> {
    const person = await this.people.find(this.db.manager, id);
    if (!person) throw notFound(id);
    return person;
  }

  private identity(raw: string): string {
    const canonical = canonicalSubject(raw);
    if ('problem' in canonical) throw invalidIdentity(`the identity ${canonical.problem}`);
    return canonical.subject;
  }

  private async checkRoles(roles: string[], pointer: string): Promise<void> {
    const undefinedRoles = await this.directory.undefinedRoles(roles);
    if (!undefinedRoles.length) return;
    const { detail, errors } = unknownRoleProblem(roles, undefinedRoles, pointer);
    throw new PeopleError(PeopleErrorCode.UnknownRole, detail, errors, { roles: undefinedRoles });
  }

  /** https only (plain http to a loopback host when AIMSFLOW_CHAT_ALLOW_HTTP_LOOPBACK allows it), then the webhook target rules. */
  private async checkChatTarget(target: ChatTargetDto): Promise<void> {
    const url = new URL(target.url);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const loopback = host === 'localhost' || (isIP(host) === 4 && host.startsWith('127.')) || host === '::1';
    const refusal =
      url.protocol === 'https:'
        ? await this.targets.refusal(target.url)
        : url.protocol === 'http:' && this.chatAllowHttpLoopback && loopback
          ? await this.targets.refusal(target.url)
          : 'chat targets must use https';
    if (refusal) {
      throw new PeopleError(PeopleErrorCode.ChatTargetRefused, `Chat notifications may not go to this URL: ${refusal}`, [
        { pointer: '/chatTarget/url', message: refusal },
      ]);
    }
  }
}

/** What the audit trail keeps of a person: no chat URL (a credential). */
function auditView(person: PersonEntity): Record<string, unknown> {
  const { chatTarget, ...rest } = person;
  return { ...rest, chatTarget: chatTarget && { format: chatTarget.format } };
}

function notFound(id: string): PeopleError {
  return new PeopleError(PeopleErrorCode.PersonNotFound, `No person with id ${id}`);
}

function invalidIdentity(problem: string): PeopleError {
  return new PeopleError(PeopleErrorCode.InvalidIdentity, `Not a valid identity: ${problem}`, [{ pointer: '/identity', message: problem }]);
}
