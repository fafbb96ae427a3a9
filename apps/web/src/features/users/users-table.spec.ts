import type { UserDto } from '@scorecard/contracts';
import { describe, expect, it } from 'vitest';
import { filterUsers, initialPasswordsCsv, pageOf, stateOf } from './users-table';

const user = (overrides: Partial<UserDto>): UserDto => ({
  username: 'staff-330102-1',
  displayName: '王芳',
  role: 'staff',
  agencyCode: '330102',
  post: '综合柜员',
  disabled: false,
  mustChangePassword: false,
  locked: false,
  ...overrides,
});

describe('users table', () => {
  it('reads one state per account', () => {
    expect(stateOf(user({}))).toBe('active');
    expect(stateOf(user({ locked: true }))).toBe('locked');
    expect(stateOf(user({ locked: true, disabled: true }))).toBe('disabled');
  });

  it('finds users by every word, in username, name, agency name or code, and post', () => {
    const users = [
      user({}),
      user({ username: 'li.na', displayName: '李娜', agencyCode: '330105', post: null }),
    ];
    const names: Record<string, string> = { '330102': '上城区', '330105': '拱墅区' };
    const name = (code: string) => names[code] ?? code;
    expect(filterUsers(users, '', name)).toHaveLength(2);
    expect(filterUsers(users, '拱墅', name).map((u) => u.username)).toEqual(['li.na']);
    expect(filterUsers(users, 'LI.NA', name).map((u) => u.username)).toEqual(['li.na']);
    expect(filterUsers(users, '上城 柜员', name).map((u) => u.username)).toEqual([
      'staff-330102-1',
    ]);
    expect(filterUsers(users, '上城 李娜', name)).toEqual([]);
  });

  it('pages from 1', () => {
    expect(pageOf([1, 2, 3, 4, 5], 2, 2)).toEqual([3, 4]);
    expect(pageOf([1, 2, 3], 0, 2)).toEqual([1, 2]);
  });

  it('writes the initial passwords as a CSV Excel opens, with no cell run as a formula', () => {
    const csv = initialPasswordsCsv(
      [{ username: 'a', displayName: '甲,乙', agencyCode: '330102', initialPassword: '=Ab3#x' }],
      { username: '用户名', name: '姓名', agency: '机构', password: '初始密码' },
    );
    expect(csv).toBe('\uFEFF用户名,姓名,机构,初始密码\r\na,"甲,乙",330102,\'=Ab3#x\r\n');
  });
});
