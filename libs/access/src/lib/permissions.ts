import type { Role } from './roles';

/** Everything a caller may try. */
export const PERMISSIONS = [
  'submission.read',
  'submission.write',
  'submission.review',
  'period.manage',
  'results.read_draft',
  'user.manage',
  'audit.read',
  'star.read',
  'star.manage',
  'star.vote',
  'star.object',
  'star.participation',
  'star.configure',
  'queue.operate',
  'calendar.manage',
  'rectification.read',
  'rectification.raise',
  'rectification.respond',
  'rectification.verify',
  'scheme.manage',
  'appeal.read',
  'appeal.raise',
  'appeal.resolve',
  'warning.read',
  'warning.talk',
  'badReview.read',
  'badReview.handle',
  'badReview.rule',
  'feedback.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Which agencies a role reaches for a permission, relative to its own agency: the agency and
 * everything below it (`subtree`), only what is below it (`descendants`), the agency alone
 * (`own`), or nothing.
 */
export type Reach = 'subtree' | 'descendants' | 'own' | 'none';

/** The rules, in one table: the API's guards, the worker and the web app all read it. */
export const REACH: Readonly<Record<Permission, Readonly<Record<Role, Reach>>>> = {
  'submission.read': { national_admin: 'subtree', province_admin: 'subtree', city_admin: 'subtree', agency_head: 'own', staff: 'own' },
  'submission.write': { national_admin: 'subtree', province_admin: 'subtree', city_admin: 'subtree', agency_head: 'own', staff: 'none' },
  // A city reviews its counties, not itself; the province reviews everyone.
  'submission.review': { national_admin: 'subtree', province_admin: 'subtree', city_admin: 'descendants', agency_head: 'none', staff: 'none' },
  'period.manage': { national_admin: 'subtree', province_admin: 'subtree', city_admin: 'none', agency_head: 'none', staff: 'none' },
  // Draft results: the province for everyone, a city for its own counties (the ones it reviews) —
  // not its own row, which stands among the other cities' drafts.
  'results.read_draft': { national_admin: 'subtree', province_admin: 'subtree', city_admin: 'descendants', agency_head: 'none', staff: 'none' },
  'user.manage': { national_admin: 'subtree', province_admin: 'subtree', city_admin: 'subtree', agency_head: 'none', staff: 'none' },
  'audit.read': { national_admin: 'subtree', province_admin: 'subtree', city_admin: 'none', agency_head: 'none', staff: 'none' },
  // Service star (一月一星): each agency runs its own selection; only its staff vote and object.
  'star.read': { national_admin: 'subtree', province_admin: 'subtree', city_admin: 'subtree', agency_head: 'own', staff: 'own' },
  'star.manage': { national_admin: 'own', province_admin: 'own', city_admin: 'own', agency_head: 'own', staff: 'none' },
  'star.vote': { national_admin: 'none', province_admin: 'none', city_admin: 'none', agency_head: 'none', staff: 'own' },
  'star.object': { national_admin: 'none', province_admin: 'none', city_admin: 'none', agency_head: 'none', staff: 'own' },
  'star.participation': { national_admin: 'subtree', province_admin: 'subtree', city_admin: 'none', agency_head: 'none', staff: 'none' },
  'star.configure': { national_admin: 'subtree', province_admin: 'subtree', city_admin: 'none', agency_head: 'none', staff: 'none' },
  // The job queues serve the whole deployment: only its top administrators operate them.
  'queue.operate': { national_admin: 'subtree', province_admin: 'subtree', city_admin: 'none', agency_head: 'none', staff: 'none' },
  // The working-day calendar is the province's own (its due dates and deadlines count on it).
  'calendar.manage': { national_admin: 'subtree', province_admin: 'subtree', city_admin: 'none', agency_head: 'none', staff: 'none' },
  // Rectification items (整改事项): an admin raises and verifies those of the agencies below its
  // own (the parent's admin or above), the head answers its own agency's, nobody judges itself.
  'rectification.read': { national_admin: 'subtree', province_admin: 'subtree', city_admin: 'subtree', agency_head: 'own', staff: 'none' },
  'rectification.raise': { national_admin: 'descendants', province_admin: 'descendants', city_admin: 'descendants', agency_head: 'none', staff: 'none' },
  'rectification.respond': { national_admin: 'none', province_admin: 'none', city_admin: 'none', agency_head: 'own', staff: 'none' },
  'rectification.verify': { national_admin: 'descendants', province_admin: 'descendants', city_admin: 'descendants', agency_head: 'none', staff: 'none' },
  // The scheme (考核方案) is the province's own: its weights, bands and deadlines judge every agency.
  'scheme.manage': { national_admin: 'subtree', province_admin: 'subtree', city_admin: 'none', agency_head: 'none', staff: 'none' },
  // Appeals (异议): the head appeals its own agency's result; the province, which reopens months,
  // rules on them.
  'appeal.read': { national_admin: 'subtree', province_admin: 'subtree', city_admin: 'subtree', agency_head: 'own', staff: 'none' },
  'appeal.raise': { national_admin: 'none', province_admin: 'none', city_admin: 'none', agency_head: 'own', staff: 'none' },
  'appeal.resolve': { national_admin: 'subtree', province_admin: 'subtree', city_admin: 'none', agency_head: 'none', staff: 'none' },
  // Warnings (预警 → 约谈): read in scope; only the province records that a talk took place.
  'warning.read': { national_admin: 'subtree', province_admin: 'subtree', city_admin: 'subtree', agency_head: 'own', staff: 'none' },
  'warning.talk': { national_admin: 'subtree', province_admin: 'subtree', city_admin: 'none', agency_head: 'none', staff: 'none' },
  // Bad reviews (差评): the head of the agency verifies, resolves or appeals its own cases; the
  // province (or above) rules on an appeal of an agency below it, never on its own.
  'badReview.read': { national_admin: 'subtree', province_admin: 'subtree', city_admin: 'subtree', agency_head: 'own', staff: 'none' },
  'badReview.handle': { national_admin: 'none', province_admin: 'none', city_admin: 'none', agency_head: 'own', staff: 'none' },
  'badReview.rule': { national_admin: 'descendants', province_admin: 'descendants', city_admin: 'none', agency_head: 'none', staff: 'none' },
  // The feedback sheet (反馈单) carries the agency's rectification items and warnings: read by whoever
  // reads those, the admins above it and its own head.
  'feedback.read': { national_admin: 'subtree', province_admin: 'subtree', city_admin: 'subtree', agency_head: 'own', staff: 'none' },
};
