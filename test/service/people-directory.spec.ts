import pg from 'pg';
import { SYSTEM_ACTOR } from '../../src/auth/roles.js';
import { Clock, type ManualClock } from '../../src/clock/clock.js';
import { PeopleDirectory } from '../../src/common/people-directory.js';
import { Database } from '../../src/database/database.js';
import { InactivePeople } from '../../src/people/inactive-people.js';
import { PeopleDirectoryService } from '../../src/people/people-directory.service.js';
import { PeopleService } from '../../src/people/people.service.js';
import { PeopleRepository } from '../../src/people/repositories/people.repository.js';
import { RolesRepository } from '../../src/people/repositories/roles.repository.js';
import { createTestContext, type TestContext } from '../helpers/test-context.js';

const ISSUER = 'https://id.example.org';

const until = async (condition: () => Promise<boolean> | boolean, what: string) => {
  for (let i = 0; i < 400; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting until ${what}`);
};

/** The people directory as identity and notifications see it, on real PostgreSQL. */
describe('people directory', () => {
  let ctx: TestContext;
  let directory: PeopleDirectory;

  beforeAll(async () => {
    ctx = await createTestContext({ clock: 'manual' });
    directory = ctx.app.get(PeopleDirectory);
  });
  afterAll(() => ctx.close());

  it('is provided globally by the people module', () => {
    expect(directory).toBe(ctx.app.get(PeopleDirectoryService));
  });

  it('creates a person on first sign-in and refreshes name, e-mail and provider roles afterwards', async () => {
    const clock = ctx.app.get(Clock) as ManualClock;
    const first = await directory.signedIn({ issuer: ISSUER, sub: 'Ab12', name: 'Alice Adams', email: 'alice@example.org', roles: ['risk-officer'] });
    expect(first).toMatchObject({ identity: `${ISSUER}#Ab12`, displayName: 'Alice Adams', email: 'alice@example.org', active: true, roles: ['risk-officer'] });

    await clock.moveTo(new Date(clock.now().getTime() + 60_000));
    const again = await directory.signedIn({ issuer: ISSUER, sub: 'Ab12', name: 'Alice Baker', roles: ['dpo', 'dpo'] });
    // Same person; the provider sent no e-mail this time, so the known one stays.
    expect(again).toEqual({ ...first, displayName: 'Alice Baker', roles: ['dpo'] });
    // `sub` is case-sensitive: another subject is another person.
    const other = await directory.signedIn({ issuer: ISSUER, sub: 'ab12', email: 'other@example.org', roles: [] });
    expect(other.id).not.toBe(first.id);
    expect(other.displayName).toBe('other@example.org');
    expect(await directory.byIdentity(`${ISSUER}#Ab12`)).toEqual(again);
    expect(await directory.byIdentity('nobody')).toBeUndefined();
  });

  it('gives a person the union of provider and assigned roles, and finds active holders of any role', async () => {
    const db = ctx.app.get(Database);
    const people = ctx.app.get(PeopleRepository);
    const carol = await directory.signedIn({ issuer: ISSUER, sub: 'carol', name: 'Carol', roles: ['ai-owner'] });
    const dan = await directory.signedIn({ issuer: ISSUER, sub: 'dan', name: 'Dan', roles: ['auditor'] });
    const row = (await people.find(db.manager, carol.id))!;
    await people.save(db.manager, Object.assign(row, { assignedRoles: ['ai-owner', 'compliance-officer'] }));
    expect((await directory.byIdentity(carol.identity))!.roles).toEqual(['ai-owner', 'compliance-officer']);

    expect((await directory.withAnyRole(['compliance-officer', 'auditor'])).map((p) => p.identity)).toEqual([carol.identity, dan.identity]);
    const danRow = (await people.find(db.manager, dan.id))!;
    await people.save(db.manager, Object.assign(danRow, { active: false }));
    expect((await directory.withAnyRole(['compliance-officer', 'auditor'])).map((p) => p.identity)).toEqual([carol.identity]);
    expect(await directory.withAnyRole([])).toEqual([]);
  });

  it('names the keys that are no defined role', async () => {
    expect(await directory.undefinedRoles(['risk-officer', 'ethics-board', 'dpo', 'Risk-Officer'])).toEqual(['ethics-board', 'Risk-Officer']);
    expect(await directory.undefinedRoles([])).toEqual([]);
  });

  it('layers notification settings: the person over their roles (first by key) over the built-in defaults', async () => {
    const db = ctx.app.get(Database);
    const roles = ctx.app.get(RolesRepository);
    const people = ctx.app.get(PeopleRepository);
    const now = ctx.app.get(Clock).now();
    await roles.insert(db.manager, {
      key: 'ethics-board',
      name: 'Ethics board',
      description: '',
      builtIn: false,
      notificationDefaults: { 'task-available': { channels: ['email'], digest: 'daily' }, 'task-overdue': { channels: ['chat'], digest: 'immediate' } },
      createdAt: now,
      updatedAt: now,
    });
    await roles.save(
      db.manager,
      Object.assign((await roles.find(db.manager, 'risk-officer'))!, {
        notificationDefaults: { 'task-overdue': { channels: ['email'], digest: 'immediate' } },
      }),
    );
    const erin = await directory.signedIn({ issuer: ISSUER, sub: 'erin', name: 'Erin', roles: ['risk-officer', 'ethics-board'] });
    const row = (await people.find(db.manager, erin.id))!;
    await people.save(
      db.manager,
      Object.assign(row, {
        notificationPreferences: { 'task-assigned': { channels: ['chat'], digest: 'immediate' } },
        chatTarget: { format: 'slack', url: 'https://hooks.slack.com/services/T0/B0/x' },
      }),
    );

    const settings = await directory.notificationSettings(erin.id);
    expect(settings.preferences['task-assigned']).toEqual({ channels: ['chat'], digest: 'immediate' }); // her own
    expect(settings.preferences['task-available']).toEqual({ channels: ['email'], digest: 'daily' }); // ethics-board's
    expect(settings.preferences['task-overdue']).toEqual({ channels: ['chat'], digest: 'immediate' }); // ethics-board before risk-officer
    expect(settings.preferences['work-returned']).toEqual({ channels: ['in-app', 'email'], digest: 'immediate' }); // built in
    expect(Object.keys(settings.preferences)).toHaveLength(10);
    expect(settings.chat).toEqual({ format: 'slack', url: 'https://hooks.slack.com/services/T0/B0/x' });
    await expect(directory.notificationSettings('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'person-not-found' });

    // in bulk, as the fan-out asks: the same settings per person, unknown ids left out
    const frank = await directory.signedIn({ issuer: ISSUER, sub: 'frank', name: 'Frank', roles: ['risk-officer'] });
    const many = await directory.notificationSettingsOf([erin.id, frank.id, erin.id, '00000000-0000-4000-8000-000000000000']);
    expect([...many.keys()].sort()).toEqual([erin.id, frank.id].sort());
    expect(many.get(erin.id)).toEqual(settings);
    expect(many.get(frank.id)).toEqual(await directory.notificationSettings(frank.id));
    expect(many.get(frank.id)!.preferences['task-overdue']).toEqual({ channels: ['email'], digest: 'immediate' }); // risk-officer's
    expect(many.get(frank.id)!.preferences['task-available']).toEqual({ channels: ['in-app', 'email'], digest: 'immediate' });
    expect(await directory.notificationSettingsOf([])).toEqual(new Map());
  });

  it('tells every replica at once who was deactivated, and asks the database while it cannot hear changes', async () => {
    const b = await createTestContext({ clock: 'manual' }, { url: ctx.databaseUrl, name: 'shared' });
    try {
      const onB = b.app.get(InactivePeople);
      await until(() => onB.cached, 'replica B keeps deactivated people in memory');
      const admin = { ...SYSTEM_ACTOR, subject: 'root' };
      const fay = await ctx.app.get(PeopleService).create({ identity: 'fay', displayName: 'Fay' }, admin);
      expect(await onB.isInactive('fay')).toBe(false);

      await ctx.app.get(PeopleService).update(fay.id, { active: false }, admin);
      expect(await ctx.app.get(InactivePeople).isInactive('fay')).toBe(true); // at once where it changed
      await until(() => onB.isInactive('fay'), 'replica B refuses fay');

      const pgAdmin = new pg.Client({ connectionString: ctx.databaseUrl });
      await pgAdmin.connect();
      await pgAdmin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'aimsflow-listen-aimsflow_person_activation' AND datname = current_database()`,
      );
      await pgAdmin.end();
      await until(() => !onB.cached, 'replica B stops answering from memory');
      await ctx.app.get(PeopleService).update(fay.id, { active: true }, admin);
      expect(await onB.isInactive('fay')).toBe(false);
      await until(() => onB.cached, 'replica B listens again');
      expect(await onB.isInactive('fay')).toBe(false);
    } finally {
      await b.app.close();
    }
  });
});
