import { matchPath } from 'react-router';
import { AUDIT_TRAIL_ROLES } from './pages/AuditTrail';
import { WEBHOOK_ROLES } from './pages/Webhooks';

/** A page of the console; `roles`: shown only to holders of one of them (admin holds them all). */
export interface NavItem {
  label: string;
  to: string;
  /** The link is current only on this exact path (the dashboard at `/`), not below it. */
  end?: boolean;
  roles?: readonly string[];
}

/** Pages shown together under one menu of the header; `inline`: the day's work, one click away in the bar itself. */
export interface NavGroup {
  label: string;
  inline?: boolean;
  items: NavItem[];
}

/** The console's navigation: the header renders this list, nothing else. */
export const NAVIGATION: NavGroup[] = [
  {
    label: 'Work',
    inline: true,
    items: [
      { label: 'Dashboard', to: '/', end: true },
      { label: 'Inbox', to: '/inbox' },
      { label: 'Notifications', to: '/notifications' },
    ],
  },
  {
    label: 'Register',
    items: [
      { label: 'AI systems', to: '/systems' },
      { label: 'Impact assessments', to: '/impact-assessments' },
      { label: 'Risks', to: '/risks' },
      { label: 'Nonconformities', to: '/nonconformities' },
      { label: 'Incidents', to: '/incidents' },
      { label: 'Policies', to: '/policies' },
      { label: 'Objectives', to: '/objectives' },
      { label: 'Obligations', to: '/obligations' },
      { label: 'SoA', to: '/soa' },
    ],
  },
  {
    label: 'Processes & rules',
    items: [
      { label: 'Processes', to: '/processes' },
      { label: 'Rules', to: '/rules' },
    ],
  },
  {
    label: 'Audit',
    items: [
      { label: 'Audit trail', to: '/audit-trail', roles: AUDIT_TRAIL_ROLES },
      { label: 'Audits', to: '/audits' },
    ],
  },
  {
    label: 'Administration',
    items: [
      { label: 'People', to: '/admin/people' },
      { label: 'Roles', to: '/admin/roles' },
      { label: 'Webhooks', to: '/admin/webhooks', roles: WEBHOOK_ROLES },
      { label: 'Tokens', to: '/admin/tokens', roles: ['admin'] },
    ],
  },
];

/** The groups and pages these roles see: a group with no page left is not shown. */
export function visibleNavigation(can: (...roles: string[]) => boolean): NavGroup[] {
  return NAVIGATION.map((group) => ({ ...group, items: group.items.filter((item) => !item.roles || can(...item.roles)) })).filter(
    (group) => group.items.length > 0,
  );
}

/** Whether the page at `pathname` is this item's (the same rule as NavLink's `aria-current`). */
export function isCurrent(item: NavItem, pathname: string): boolean {
  return matchPath({ path: item.to, end: item.end ?? false }, pathname) !== null;
}
