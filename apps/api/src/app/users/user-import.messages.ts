import type { Language } from '@scorecard/contracts';
import { type ImportMessage, renderImportMessage } from '@scorecard/server-imports';

/** What can be wrong in an accounts file, each said in both of the product's languages. */
export type UserImportProblem =
  | { kind: 'unknown_column'; name: string }
  | { kind: 'duplicate_column'; name: string }
  | { kind: 'missing_column'; names: string }
  | { kind: 'no_rows' }
  | { kind: 'too_many_rows'; max: number }
  | { kind: 'extra_cells' }
  | { kind: 'required' }
  | { kind: 'bad_username'; value: string }
  | { kind: 'duplicate_in_file'; value: string; firstRow: number }
  | { kind: 'username_taken'; value: string }
  | { kind: 'too_long'; max: number }
  | { kind: 'unknown_role'; value: string }
  | { kind: 'role_not_assignable'; value: string }
  | { kind: 'bad_agency_code'; value: string }
  | { kind: 'unknown_agency'; value: string }
  | { kind: 'agency_out_of_scope'; value: string }
  | { kind: 'unreadable'; reason: ImportMessage };

const ROLE_NAMES_EN = 'province_admin, city_admin, agency_head, staff';
const ROLE_NAMES_ZH = '省级管理员、市级管理员、负责人、工作人员';

export function userImportMessage(problem: UserImportProblem, language: Language): string {
  const zh = language === 'zh-CN';
  switch (problem.kind) {
    case 'unknown_column':
      return zh
        ? `未知的列“${problem.name}”（应为：用户名、姓名、角色、机构编码、岗位）`
        : `unknown column "${problem.name}" (expected: username, name, role, agency_code, post)`;
    case 'duplicate_column':
      return zh ? `列“${problem.name}”重复` : `the column "${problem.name}" appears twice`;
    case 'missing_column':
      return zh ? `缺少列 ${problem.names}` : `missing column ${problem.names}`;
    case 'no_rows':
      return zh ? '文件中没有账号数据行' : 'the file has no account rows';
    case 'too_many_rows':
      return zh
        ? `一个文件最多 ${problem.max.toLocaleString('zh-CN')} 个账号，请分成几个文件导入`
        : `at most ${problem.max.toLocaleString('en')} accounts per file: split it into several files`;
    case 'extra_cells':
      return zh
        ? '该行的值比表头的列多（是否有未加引号的逗号？）'
        : 'the row has more values than the header has columns (an unquoted comma?)';
    case 'required':
      return zh ? '不能为空' : 'must not be empty';
    case 'bad_username':
      return zh
        ? `用户名“${problem.value}”无效：须为 2–64 个字母、数字或 _ . -`
        : `"${problem.value}" is not a valid username: 2–64 letters, digits, _ . or -`;
    case 'duplicate_in_file':
      return zh
        ? `用户名“${problem.value}”在第 ${problem.firstRow} 行已出现`
        : `the username "${problem.value}" is already in row ${problem.firstRow}`;
    case 'username_taken':
      return zh ? `用户名“${problem.value}”已被使用` : `the username "${problem.value}" is taken`;
    case 'too_long':
      return zh ? `最多 ${problem.max} 个字符` : `at most ${problem.max} characters`;
    case 'unknown_role':
      return zh
        ? `未知的角色“${problem.value}”（应为：${ROLE_NAMES_ZH}）`
        : `unknown role "${problem.value}" (expected: ${ROLE_NAMES_EN})`;
    case 'role_not_assignable':
      return zh
        ? `您不能分配角色“${problem.value}”`
        : `you may not assign the role "${problem.value}"`;
    case 'bad_agency_code':
      return zh
        ? `机构编码“${problem.value}”无效：须为 6 位行政区划代码`
        : `"${problem.value}" is not a six-digit division code`;
    case 'unknown_agency':
      return zh ? `机构 ${problem.value} 不存在` : `agency ${problem.value} does not exist`;
    case 'agency_out_of_scope':
      return zh
        ? `机构 ${problem.value} 不在您的管理范围内`
        : `agency ${problem.value} is outside your scope`;
    case 'unreadable':
      return zh
        ? `无法读取文件：${renderImportMessage(problem.reason, language)}`
        : `the file cannot be read: ${renderImportMessage(problem.reason, language)}`;
  }
}
