import { buildAgencyTree } from '@scorecard/scoring';
import { checkAccountRow, mapUserImportHeader, textOf } from './user-import-rows';

const tree = buildAgencyTree([
  { code: '330000', parentCode: null },
  { code: '330100', parentCode: '330000' },
  { code: '330102', parentCode: '330100' },
  { code: '330200', parentCode: '330000' },
]);
const cityAdmin = { caller: { role: 'city_admin' as const, agencyCode: '330100' }, tree };

describe('accounts file rows', () => {
  const header = mapUserImportHeader(1, ['用户名', '姓名', '角色', '机构编码']);

  it('maps Chinese and English headers, post being optional, and names missing and unknown columns', () => {
    expect(header.errors).toEqual([]);
    expect(
      mapUserImportHeader(1, ['username', 'name', 'role', 'agency_code', 'post']).errors,
    ).toEqual([]);
    expect(
      mapUserImportHeader(1, ['username', 'name', '部门']).errors.map((e) => [
        e.field,
        e.problem.kind,
      ]),
    ).toEqual([
      ['部门', 'unknown_column'],
      ['role', 'missing_column'],
      ['agency_code', 'missing_column'],
    ]);
  });

  it.each([
    [['li.na', '李娜', '工作人员', '330102'], null],
    [['li.na', '李娜', 'staff', 330102], null],
    [
      ['li na', '李娜', 'staff', '330102'],
      ['用户名', 'bad_username'],
    ],
    [
      ['li.na', '', 'staff', '330102'],
      ['姓名', 'required'],
    ],
    [
      ['li.na', '李娜', '科长', '330102'],
      ['角色', 'unknown_role'],
    ],
    [
      ['li.na', '李娜', '省级管理员', '330102'],
      ['角色', 'role_not_assignable'],
    ],
    [
      ['li.na', '李娜', 'staff', '33010'],
      ['机构编码', 'bad_agency_code'],
    ],
    [
      ['li.na', '李娜', 'staff', '339999'],
      ['机构编码', 'unknown_agency'],
    ],
    [
      ['li.na', '李娜', 'staff', '330200'],
      ['机构编码', 'agency_out_of_scope'],
    ],
    [
      ['li.na', '李娜', 'staff', '330102', '多余'],
      ['', 'extra_cells'],
    ],
  ] as const)('checks %j for a city admin', (cells, expected) => {
    const checked = checkAccountRow({
      row: 2,
      cells,
      columns: header.columns,
      rules: cityAdmin,
      seen: new Map(),
    });
    if (expected === null)
      expect(checked).toEqual({
        account: expect.objectContaining({ row: 2, agencyCode: '330102' }),
      });
    else
      expect('errors' in checked && checked.errors.map((e) => [e.field, e.problem.kind])).toEqual([
        expected,
      ]);
  });

  it('names the earlier row of a username repeated in the file', () => {
    const seen = new Map<string, number>();
    const row = (n: number) =>
      checkAccountRow({
        row: n,
        cells: ['li.na', '李娜', 'staff', '330102'],
        columns: header.columns,
        rules: cityAdmin,
        seen,
      });
    expect('account' in row(2)).toBe(true);
    expect(row(5)).toEqual({
      errors: [
        {
          row: 5,
          field: '用户名',
          problem: { kind: 'duplicate_in_file', value: 'li.na', firstRow: 2 },
        },
      ],
    });
  });

  it('reads cells as typed text', () => {
    expect(textOf('  a ')).toBe('a');
    expect(textOf(330102)).toBe('330102');
    expect(textOf(null)).toBe('');
  });
});
