import { describe, expect, it } from 'vitest';
import { isCurrent, NAVIGATION, visibleNavigation } from './navigation';

/** `can` as the session answers it: admin holds every role. */
const holding =
  (...held: string[]) =>
  (...roles: string[]) =>
    held.includes('admin') || roles.some((role) => held.includes(role));

const labels = (can: (...roles: string[]) => boolean) => visibleNavigation(can).map((group) => [group.label, group.items.map((item) => item.label)]);

describe('navigation', () => {
  it('shows an admin every page, each path once', () => {
    const paths = visibleNavigation(holding('admin')).flatMap((group) => group.items.map((item) => item.to));
    expect(paths).toEqual(NAVIGATION.flatMap((group) => group.items.map((item) => item.to)));
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('leaves out the pages a role may not use, and a group left empty', () => {
    expect(labels(holding('ai-owner'))).toEqual([
      ['Work', ['Dashboard', 'Inbox', 'Notifications']],
      ['Register', ['AI systems', 'Impact assessments', 'Risks', 'Nonconformities', 'Incidents', 'Policies', 'Objectives', 'Obligations', 'SoA']],
      ['Processes & rules', ['Processes', 'Rules']],
      ['Audit', ['Audits']],
      ['Administration', ['People', 'Roles']],
    ]);
    expect(labels(holding('auditor')).find(([group]) => group === 'Audit')).toEqual(['Audit', ['Audit trail', 'Audits']]);
    expect(labels(holding('governance')).find(([group]) => group === 'Administration')).toEqual(['Administration', ['People', 'Roles', 'Webhooks']]);
  });

  it('marks a page current on its own path and below it, the dashboard only on its own', () => {
    const item = (to: string) => NAVIGATION.flatMap((group) => group.items).find((i) => i.to === to)!;
    expect(isCurrent(item('/systems'), '/systems/3f1c')).toBe(true);
    expect(isCurrent(item('/systems'), '/soa')).toBe(false);
    expect(isCurrent(item('/'), '/')).toBe(true);
    expect(isCurrent(item('/'), '/inbox')).toBe(false);
  });
});
