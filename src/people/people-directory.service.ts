import { Injectable } from '@nestjs/common';
import { Clock } from '../clock/clock.js';
import { type DirectoryPerson, type IdentityClaims, type NotificationSettings, PeopleDirectory } from '../common/people-directory.js';
import { Database } from '../database/database.js';
import type { PersonEntity } from './entities/person.entity.js';
import { effectiveNotificationSettings } from './notification-defaults.js';
import { PeopleError, PeopleErrorCode } from './people.errors.js';
import { PeopleRepository } from './repositories/people.repository.js';
import { RolesRepository } from './repositories/roles.repository.js';

/** A person's roles: those their identity provider gave them, then those an administrator assigned. */
export function rolesOf(person: Pick<PersonEntity, 'idpRoles' | 'assignedRoles'>): string[] {
  return [...new Set([...person.idpRoles, ...person.assignedRoles])];
}

export function toDirectoryPerson(person: PersonEntity): DirectoryPerson {
  return {
    id: person.id,
    identity: person.identity,
    displayName: person.displayName,
    email: person.email,
    active: person.active,
    roles: rolesOf(person),
  };
}

/** The people directory other modules see (`PeopleDirectory` in src/common), over the people module's tables. */
@Injectable()
export class PeopleDirectoryService extends PeopleDirectory {
  constructor(
    private readonly db: Database,
    private readonly people: PeopleRepository,
    private readonly roles: RolesRepository,
    private readonly clock: Clock,
  ) {
    super();
  }

  async signedIn(claims: IdentityClaims): Promise<DirectoryPerson> {
    const person = await this.people.signedIn(this.db.manager, {
      identity: `${claims.issuer}#${claims.sub}`,
      fallbackName: claims.email ?? claims.sub,
      name: claims.name ?? null,
      email: claims.email ?? null,
      idpRoles: [...new Set(claims.roles)],
      at: this.clock.now(),
    });
    return toDirectoryPerson(person);
  }

  async byIdentity(identity: string): Promise<DirectoryPerson | undefined> {
    const person = await this.people.byIdentity(this.db.manager, identity);
    return person && toDirectoryPerson(person);
  }

  async withAnyRole(roles: string[]): Promise<DirectoryPerson[]> {
    return (await this.people.withAnyRole(this.db.manager, roles)).map(toDirectoryPerson);
  }

  async notificationSettings(personId: string): Promise<NotificationSettings> {
    const found = (await this.notificationSettingsOf([personId])).get(personId);
    if (!found) throw new PeopleError(PeopleErrorCode.PersonNotFound, `No person with id ${personId}`);
    return found;
  }

  async notificationSettingsOf(personIds: string[]): Promise<Map<string, NotificationSettings>> {
    const people = await this.people.findMany(this.db.manager, [...new Set(personIds)]);
    const defaults = await this.roles.notificationDefaultsOf(this.db.manager, [...new Set(people.flatMap(rolesOf))]);
    return new Map(
      people.map((person) => {
        const roles = new Set(rolesOf(person));
        const own = defaults.filter((role) => roles.has(role.key));
        return [person.id, effectiveNotificationSettings(person.notificationPreferences, own, person.chatTarget)];
      }),
    );
  }

  undefinedRoles(keys: string[]): Promise<string[]> {
    return this.roles.undefinedOf(this.db.manager, keys);
  }
}
