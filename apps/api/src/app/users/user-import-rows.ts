import { type Caller, mayAssignRole, reaches, type Role } from '@scorecard/access';
import type { AgencyTree } from '@scorecard/scoring';
import type { ImportCell } from '@scorecard/server-imports';
import type { UserImportProblem } from './user-import.messages';

/** The columns of an accounts file; `post` may be left out. */
export const USER_IMPORT_COLUMNS = ['username', 'name', 'role', 'agency_code', 'post'] as const;
export type UserImportColumn = (typeof USER_IMPORT_COLUMNS)[number];

const REQUIRED_COLUMNS: readonly UserImportColumn[] = ['username', 'name', 'role', 'agency_code'];

const COLUMN_NAMES: Record<UserImportColumn, readonly string[]> = {
  username: ['username', '用户名', '账号'],
  name: ['name', 'display_name', '姓名'],
  role: ['role', '角色'],
  agency_code: ['agency_code', '机构编码', '机构代码'],
  post: ['post', '岗位'],
};

/** Roles by code or by the Chinese name a centre's sheet uses. */
const ROLE_NAMES: Record<string, Role> = {
  national_admin: 'national_admin',
  province_admin: 'province_admin',
  city_admin: 'city_admin',
  agency_head: 'agency_head',
  staff: 'staff',
  全国管理员: 'national_admin',
  国家级管理员: 'national_admin',
  省级管理员: 'province_admin',
  市级管理员: 'city_admin',
  负责人: 'agency_head',
  机构负责人: 'agency_head',
  工作人员: 'staff',
  经办人员: 'staff',
};

const USERNAME = /^[A-Za-z0-9_.-]{2,64}$/;
const MAX_TEXT = 64;

export interface UserImportError {
  row: number;
  /** The column as the file's header names it (a Chinese header stays Chinese). */
  field: string;
  problem: UserImportProblem;
}

export interface ImportedAccount {
  row: number;
  username: string;
  displayName: string;
  role: Role;
  agencyCode: string;
  post: string | null;
}

export interface HeaderColumns {
  positions: Map<UserImportColumn, number>;
  /** The header text of each column, to name it in errors as the file does. */
  names: Map<UserImportColumn, string>;
}

function normalise(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Maps the header row to the columns; reports unknown, repeated and missing columns at once. */
export function mapUserImportHeader(
  row: number,
  header: readonly ImportCell[],
): { columns: HeaderColumns; errors: UserImportError[] } {
  const byName = new Map<string, UserImportColumn>();
  for (const column of USER_IMPORT_COLUMNS) {
    for (const name of COLUMN_NAMES[column]) byName.set(normalise(name), column);
  }
  const columns: HeaderColumns = { positions: new Map(), names: new Map() };
  const errors: UserImportError[] = [];
  header.forEach((cell, position) => {
    const raw = textOf(cell);
    if (raw === '') return;
    const column = byName.get(normalise(raw));
    if (!column) errors.push({ row, field: raw, problem: { kind: 'unknown_column', name: raw } });
    else if (columns.positions.has(column)) {
      errors.push({ row, field: raw, problem: { kind: 'duplicate_column', name: raw } });
    } else {
      columns.positions.set(column, position);
      columns.names.set(column, raw);
    }
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!columns.positions.has(column)) {
      errors.push({
        row,
        field: column,
        problem: { kind: 'missing_column', names: COLUMN_NAMES[column].join(' / ') },
      });
    }
  }
  return { columns, errors };
}

export interface AccountRules {
  caller: Caller;
  tree: AgencyTree;
}

/**
 * Checks one data row on its own and against the rows before it (`seen`: username → its row);
 * what needs the database (taken usernames) is checked by the caller once for the whole file.
 */
export function checkAccountRow(args: {
  row: number;
  cells: readonly ImportCell[];
  columns: HeaderColumns;
  rules: AccountRules;
  seen: Map<string, number>;
}): { account: ImportedAccount } | { errors: UserImportError[] } {
  const { row, cells, columns, rules, seen } = args;
  const errors: UserImportError[] = [];
  const width = Math.max(...columns.positions.values()) + 1;
  if (cells.slice(width).some((cell) => textOf(cell) !== '')) {
    return { errors: [{ row, field: '', problem: { kind: 'extra_cells' } }] };
  }
  const field = (column: UserImportColumn) => columns.names.get(column) ?? column;
  const value = (column: UserImportColumn): string => {
    const position = columns.positions.get(column);
    return position === undefined ? '' : textOf(cells[position] ?? null);
  };
  const fail = (column: UserImportColumn, problem: UserImportProblem) =>
    errors.push({ row, field: field(column), problem });

  const username = value('username');
  if (username === '') fail('username', { kind: 'required' });
  else if (!USERNAME.test(username)) fail('username', { kind: 'bad_username', value: username });
  else if (seen.has(username)) {
    fail('username', {
      kind: 'duplicate_in_file',
      value: username,
      firstRow: seen.get(username) as number,
    });
  } else seen.set(username, row);

  const displayName = value('name');
  if (displayName === '') fail('name', { kind: 'required' });
  else if (displayName.length > MAX_TEXT) fail('name', { kind: 'too_long', max: MAX_TEXT });

  const roleText = value('role');
  const role = ROLE_NAMES[roleText] ?? ROLE_NAMES[roleText.toLowerCase()];
  if (roleText === '') fail('role', { kind: 'required' });
  else if (!role) fail('role', { kind: 'unknown_role', value: roleText });
  else if (!mayAssignRole(rules.caller, role))
    fail('role', { kind: 'role_not_assignable', value: roleText });

  const agencyCode = value('agency_code');
  if (agencyCode === '') fail('agency_code', { kind: 'required' });
  else if (!/^[0-9]{6}$/.test(agencyCode))
    fail('agency_code', { kind: 'bad_agency_code', value: agencyCode });
  else if (!rules.tree.byCode.has(agencyCode))
    fail('agency_code', { kind: 'unknown_agency', value: agencyCode });
  else if (!reaches(rules.caller, 'user.manage', agencyCode, rules.tree)) {
    fail('agency_code', { kind: 'agency_out_of_scope', value: agencyCode });
  }

  const post = value('post');
  if (post.length > MAX_TEXT) fail('post', { kind: 'too_long', max: MAX_TEXT });

  if (errors.length > 0 || !role) return { errors };
  return {
    account: { row, username, displayName, role, agencyCode, post: post === '' ? null : post },
  };
}

/** A cell as the text a person typed (a number-formatted code such as 330102 included). */
export function textOf(cell: ImportCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (cell instanceof Date) return cell.toISOString();
  return `=${cell.formula}`;
}

export function isBlankRow(cells: readonly ImportCell[]): boolean {
  return cells.every((cell) => textOf(cell) === '');
}
