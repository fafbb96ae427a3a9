import { type AgencyNode, buildAgencyTree } from '@scorecard/scoring';
import { DENIAL_MESSAGES, denialKey, denialMessage } from './denials';
import { PERMISSIONS, type Permission } from './permissions';
import { agenciesReachable, hasPermission, reaches, rolesWith } from './reach';
import { type Caller, mayAssignRole, ROLES, type Role } from './roles';

/** The country → two provinces → cities → counties, as real division codes. */
const AGENCIES: AgencyNode[] = [
  { code: '000000', parentCode: null },
  { code: '330000', parentCode: '000000' },
  { code: '320000', parentCode: '000000' },
  { code: '330100', parentCode: '330000' },
  { code: '330200', parentCode: '330000' },
  { code: '320100', parentCode: '320000' },
  { code: '330102', parentCode: '330100' },
  { code: '330105', parentCode: '330100' },
  { code: '330203', parentCode: '330200' },
  { code: '320102', parentCode: '320100' },
];
const TREE = buildAgencyTree(AGENCIES);

type Position = 'own' | 'child' | 'grandchild' | 'sibling' | 'parent' | 'otherCity' | 'otherProvince';
const POSITIONS: Position[] = ['own', 'child', 'grandchild', 'sibling', 'parent', 'otherCity', 'otherProvince'];

/** Each caller with the agency standing in each position relative to it (absent: no such agency). */
const CALLERS: { caller: Caller; targets: Partial<Record<Position, string>> }[] = [
  { caller: { role: 'national_admin', agencyCode: '000000' }, targets: { own: '000000', child: '330000', grandchild: '330100' } },
  {
    caller: { role: 'province_admin', agencyCode: '330000' },
    targets: { own: '330000', child: '330100', grandchild: '330102', sibling: '320000', parent: '000000', otherProvince: '320102' },
  },
  ...(['city_admin', 'agency_head'] as const).map((role) => ({
    caller: { role, agencyCode: '330100' },
    targets: { own: '330100', child: '330102', sibling: '330200', parent: '330000', otherCity: '330203', otherProvince: '320102' },
  })),
  ...(['agency_head', 'staff'] as const).map((role) => ({
    caller: { role, agencyCode: '330102' },
    targets: { own: '330102', sibling: '330105', parent: '330100', otherCity: '330203', otherProvince: '320102' },
  })),
  {
    caller: { role: 'staff', agencyCode: '330100' },
    targets: { own: '330100', child: '330102', sibling: '330200', parent: '330000', otherCity: '330203', otherProvince: '320102' },
  },
];

/**
 * What each caller reaches, written out rather than derived from the rules table: one group per
 * caller in the order of CALLERS (national admin, province admin, city admin, city head, county
 * head, county staff, city staff), one letter per position (own, child, grandchild, sibling,
 * parent, another city, another province): y reached, - refused, . no such agency.
 */
const EXPECTED: Record<Permission, string> = {
  'submission.read': /*    */ 'yyy.... yyy--.- yy.---- y-.---- y..---- y..---- y-.----',
  'submission.write': /*   */ 'yyy.... yyy--.- yy.---- y-.---- y..---- -..---- --.----',
  'submission.review': /*  */ 'yyy.... yyy--.- -y.---- --.---- -..---- -..---- --.----',
  'period.manage': /*      */ 'yyy.... yyy--.- --.---- --.---- -..---- -..---- --.----',
  'results.read_draft': /* */ 'yyy.... yyy--.- -y.---- --.---- -..---- -..---- --.----',
  'user.manage': /*        */ 'yyy.... yyy--.- yy.---- --.---- -..---- -..---- --.----',
  'audit.read': /*         */ 'yyy.... yyy--.- --.---- --.---- -..---- -..---- --.----',
  'star.read': /*          */ 'yyy.... yyy--.- yy.---- y-.---- y..---- y..---- y-.----',
  'star.manage': /*        */ 'y--.... y----.- y-.---- y-.---- y..---- -..---- --.----',
  'star.vote': /*          */ '---.... -----.- --.---- --.---- -..---- y..---- y-.----',
  'star.object': /*        */ '---.... -----.- --.---- --.---- -..---- y..---- y-.----',
  'star.participation': /* */ 'yyy.... yyy--.- --.---- --.---- -..---- -..---- --.----',
  'star.configure': /*     */ 'yyy.... yyy--.- --.---- --.---- -..---- -..---- --.----',
  'queue.operate': /*      */ 'yyy.... yyy--.- --.---- --.---- -..---- -..---- --.----',
  'calendar.manage': /*    */ 'yyy.... yyy--.- --.---- --.---- -..---- -..---- --.----',
  'rectification.read': /* */ 'yyy.... yyy--.- yy.---- y-.---- y..---- -..---- --.----',
  'rectification.raise': /**/ '-yy.... -yy--.- -y.---- --.---- -..---- -..---- --.----',
  'rectification.respond': '---.... -----.- --.---- y-.---- y..---- -..---- --.----',
  'rectification.verify': /**/ '-yy.... -yy--.- -y.---- --.---- -..---- -..---- --.----',
  'scheme.manage': /*      */ 'yyy.... yyy--.- --.---- --.---- -..---- -..---- --.----',
  'appeal.read': /*        */ 'yyy.... yyy--.- yy.---- y-.---- y..---- -..---- --.----',
  'appeal.raise': /*       */ '---.... -----.- --.---- y-.---- y..---- -..---- --.----',
  'appeal.resolve': /*     */ 'yyy.... yyy--.- --.---- --.---- -..---- -..---- --.----',
  'warning.read': /*       */ 'yyy.... yyy--.- yy.---- y-.---- y..---- -..---- --.----',
  'warning.talk': /*       */ 'yyy.... yyy--.- --.---- --.---- -..---- -..---- --.----',
  'badReview.read': /*     */ 'yyy.... yyy--.- yy.---- y-.---- y..---- -..---- --.----',
  'badReview.handle': /*   */ '---.... -----.- --.---- y-.---- y..---- -..---- --.----',
  'badReview.rule': /*     */ '-yy.... -yy--.- --.---- --.---- -..---- -..---- --.----',
  'feedback.read': /*      */ 'yyy.... yyy--.- yy.---- y-.---- y..---- -..---- --.----',
};

const cases = PERMISSIONS.flatMap((permission) => {
  const groups = EXPECTED[permission].split(' ');
  return CALLERS.flatMap(({ caller, targets }, callerIndex) =>
    POSITIONS.map((position, positionIndex) => ({
      permission,
      caller,
      position,
      target: targets[position],
      expected: groups[callerIndex][positionIndex],
    })),
  );
});

describe('reaches: every role × every permission × every relative position', () => {
  it('has an expectation for every permission and caller', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...PERMISSIONS].sort());
    for (const permission of PERMISSIONS) expect(EXPECTED[permission].split(' ')).toHaveLength(CALLERS.length);
    expect(new Set(CALLERS.map(({ caller }) => caller.role))).toEqual(new Set(ROLES));
  });

  it.each(cases)(
    '$permission: $caller.role of $caller.agencyCode on its $position ($target) → $expected',
    ({ permission, caller, target, expected }) => {
      if (expected === '.') {
        expect(target).toBeUndefined();
        return;
      }
      expect(target).toBeDefined();
      expect(reaches(caller, permission, target as string, TREE)).toBe(expected === 'y');
    },
  );

  it('never reaches an agency that does not exist, even from the top', () => {
    for (const permission of PERMISSIONS) {
      expect(reaches({ role: 'national_admin', agencyCode: '000000' }, permission, '999999', TREE)).toBe(false);
    }
  });
});

describe('agenciesReachable', () => {
  it.each(CALLERS.flatMap(({ caller }) => PERMISSIONS.map((permission) => ({ caller, permission }))))(
    '$caller.role of $caller.agencyCode for $permission lists exactly the agencies reaches allows',
    ({ caller, permission }) => {
      const listed = agenciesReachable(TREE, caller, permission);
      const allowed = AGENCIES.filter(({ code }) => reaches(caller, permission, code, TREE)).map(({ code }) => code);
      expect([...listed].sort()).toEqual(allowed.sort());
    },
  );

  it('lists a subtree depth-first with children in code order', () => {
    expect(agenciesReachable(TREE, { role: 'province_admin', agencyCode: '330000' }, 'submission.write')).toEqual([
      '330000',
      '330100',
      '330102',
      '330105',
      '330200',
      '330203',
    ]);
    expect(agenciesReachable(TREE, { role: 'city_admin', agencyCode: '330100' }, 'submission.review')).toEqual([
      '330102',
      '330105',
    ]);
  });

  it('lists nothing for an own-agency rule when the agency is unknown', () => {
    expect(agenciesReachable(TREE, { role: 'agency_head', agencyCode: '999999' }, 'submission.write')).toEqual([]);
  });
});

describe('hasPermission and rolesWith', () => {
  it.each([
    ['star.manage', ['national_admin', 'province_admin', 'city_admin', 'agency_head']],
    ['star.vote', ['staff']],
    ['submission.write', ['national_admin', 'province_admin', 'city_admin', 'agency_head']],
    ['submission.review', ['national_admin', 'province_admin', 'city_admin']],
    ['period.manage', ['national_admin', 'province_admin']],
    ['user.manage', ['national_admin', 'province_admin', 'city_admin']],
    ['calendar.manage', ['national_admin', 'province_admin']],
    ['scheme.manage', ['national_admin', 'province_admin']],
  ] as [Permission, Role[]][])('%s is held by %j', (permission, roles) => {
    expect(rolesWith(permission)).toEqual(roles);
    for (const role of ROLES) expect(hasPermission({ role }, permission)).toBe(roles.includes(role));
  });
});

describe('mayAssignRole', () => {
  // Rows: the assigning role; columns: the role handed out, in ROLES order.
  const table: Record<Role, string> = {
    national_admin: 'yyyyy',
    province_admin: '-yyyy',
    city_admin: '--yyy',
    agency_head: '-----',
    staff: '-----',
  };
  it.each(ROLES.flatMap((caller) => ROLES.map((role, index) => ({ caller, role, expected: table[caller][index] === 'y' }))))(
    '$caller may hand out $role: $expected',
    ({ caller, role, expected }) => {
      expect(mayAssignRole({ role: caller }, role)).toBe(expected);
    },
  );
});

describe('denials', () => {
  it('has a message for every permission in both languages and a key per permission', () => {
    for (const permission of PERMISSIONS) {
      expect(DENIAL_MESSAGES['zh-CN'][permission]).toMatch(/\p{Script=Han}/u);
      expect(denialMessage(permission)).toBe(DENIAL_MESSAGES.en[permission]);
      expect(denialKey(permission)).toBe(`access.denied.${permission}`);
    }
  });
});
