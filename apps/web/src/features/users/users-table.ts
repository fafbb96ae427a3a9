import type { ImportedUserDto, UserDto } from '@scorecard/contracts';

export type UserState = 'active' | 'disabled' | 'locked';

/** One state a person reads at a glance: disabled outranks locked, locked outranks active. */
export function stateOf(user: Pick<UserDto, 'disabled' | 'locked'>): UserState {
  if (user.disabled) return 'disabled';
  if (user.locked) return 'locked';
  return 'active';
}

/**
 * The users whose username, name, agency (by name or code) or post holds every word of `query`,
 * case-insensitively; all of them for an empty query.
 */
export function filterUsers<T extends UserDto>(
  users: readonly T[],
  query: string,
  agencyName: (code: string) => string,
): T[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...users];
  return users.filter((user) => {
    const text = [
      user.username,
      user.displayName,
      user.agencyCode,
      agencyName(user.agencyCode),
      user.post ?? '',
    ]
      .join('\n')
      .toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

/** One page of rows (pages count from 1). */
export function pageOf<T>(rows: readonly T[], page: number, pageSize: number): T[] {
  const start = (Math.max(1, page) - 1) * pageSize;
  return rows.slice(start, start + pageSize);
}

function csvCell(value: string): string {
  // A leading = + - @ would make a spreadsheet run the cell as a formula.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The initial passwords as a CSV for the administrator to hand out (UTF-8 with BOM, so that Excel
 * in China opens the Chinese names right).
 */
export function initialPasswordsCsv(
  accounts: readonly Pick<
    ImportedUserDto,
    'username' | 'displayName' | 'agencyCode' | 'initialPassword'
  >[],
  header: { username: string; name: string; agency: string; password: string },
): string {
  const lines = [[header.username, header.name, header.agency, header.password]];
  for (const account of accounts) {
    lines.push([
      account.username,
      account.displayName,
      account.agencyCode,
      account.initialPassword,
    ]);
  }
  return `\uFEFF${lines.map((line) => line.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
