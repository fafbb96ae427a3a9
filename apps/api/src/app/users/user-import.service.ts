import { Injectable } from '@nestjs/common';
import { hash } from 'bcrypt';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import type { ImportedUserDto, UserImportResultDto } from '@scorecard/contracts';
import { AuditLogRepository, TransactionRunner, UserRepository } from '@scorecard/server-database';
import { csvRows, ImportFileError, type ImportRow, xlsxRows } from '@scorecard/server-imports';
import { AccessPolicy } from '../access/access-policy';
import { AgencyDirectory } from '../common/agency-directory.service';
import { InvalidInputError } from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import { generateInitialPassword } from './initial-password';
import {
  checkAccountRow,
  type HeaderColumns,
  type ImportedAccount,
  isBlankRow,
  mapUserImportHeader,
  type UserImportError,
} from './user-import-rows';
import { userImportMessage } from './user-import.messages';

/** Accounts one file may create: a province's staff fit in a few files, and hashing stays short. */
export const USER_IMPORT_MAX_ROWS = 2_000;
/** What an accounts workbook's parts may inflate to: far above 2,000 rows, far below harm. */
const ACCOUNTS_XLSX_LIMITS = { maxPartBytes: 32 * 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024 };
/** Largest accounts file accepted, in bytes. */
export const USER_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
/** Errors listed at most; the file is refused all the same. */
const MAX_ERRORS = 200;
/**
 * Initial passwords are random (~70 bits) and live only until the first login, so a lower cost
 * than chosen passwords keeps a file of two thousand accounts to seconds, off the event loop.
 */
const INITIAL_PASSWORD_COST = 10;

export interface UploadedAccountsFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/**
 * Creates accounts from a spreadsheet, all or nothing: one bad row refuses the whole file, each
 * error naming the row as Excel shows it. Every account gets a generated initial password,
 * answered once, that its owner must change at first login.
 */
@Injectable()
export class UserImportService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly users: UserRepository,
    private readonly audit: AuditLogRepository,
    private readonly agencies: AgencyDirectory,
    private readonly policy: AccessPolicy,
  ) {}

  async import(
    caller: AuthenticatedUser,
    file: UploadedAccountsFile | undefined,
  ): Promise<UserImportResultDto> {
    await this.policy.assertRole(caller, 'user.manage');
    if (!file || file.size === 0) {
      throw new InvalidInputError([{ field: 'file', key: 'field.fileMissing' }]);
    }
    const { accounts, errors, usernameField } = await this.readAccounts(caller, file);
    const refuse = (all: UserImportError[]) =>
      new InvalidInputError(
        all.slice(0, MAX_ERRORS).map((error) => ({
          row: error.row,
          field: error.field,
          words: {
            'zh-CN': userImportMessage(error.problem, 'zh-CN'),
            en: userImportMessage(error.problem, 'en'),
          },
        })),
      );
    if (errors.length > 0) throw refuse(errors);

    const withPasswords = await Promise.all(
      accounts.map(async (account) => {
        const initialPassword = generateInitialPassword(account.username);
        return {
          account,
          initialPassword,
          passwordHash: await hash(initialPassword, INITIAL_PASSWORD_COST),
        };
      }),
    );
    return this.transactions.run(async (manager) => {
      // Checked inside the transaction that inserts, so a name taken meanwhile is still caught.
      const taken = await this.users.takenAmong(
        manager,
        accounts.map((account) => account.username),
      );
      if (taken.size > 0) {
        throw refuse(
          accounts
            .filter((account) => taken.has(account.username))
            .map((account) => ({
              row: account.row,
              field: usernameField,
              problem: { kind: 'username_taken' as const, value: account.username },
            })),
        );
      }
      await this.users.insertMany(
        manager,
        withPasswords.map(({ account, passwordHash }) => ({
          username: account.username,
          displayName: account.displayName,
          role: account.role,
          agencyCode: account.agencyCode,
          post: account.post,
          passwordHash,
          mustChangePassword: true,
        })),
      );
      const created: ImportedUserDto[] = withPasswords.map(({ account, initialPassword }) => ({
        username: account.username,
        displayName: account.displayName,
        role: account.role,
        agencyCode: account.agencyCode,
        post: account.post,
        initialPassword,
      }));
      await this.audit.recordAction(manager, caller, 'user.import', `users/import`, null, {
        fileName: file.originalname,
        // Never the initial passwords: the audit log is read by others.
        accounts: created.map(({ initialPassword: _secret, ...account }) => ({
          ...account,
          mustChangePassword: true,
        })),
      });
      return { created };
    });
  }

  /** Reads the file row by row as it streams, checking each row as it comes. */
  private async readAccounts(
    caller: AuthenticatedUser,
    file: UploadedAccountsFile,
  ): Promise<{ accounts: ImportedAccount[]; errors: UserImportError[]; usernameField: string }> {
    const rules = { caller, tree: await this.agencies.tree() };
    const accounts: ImportedAccount[] = [];
    const errors: UserImportError[] = [];
    const seen = new Map<string, number>();
    let columns: HeaderColumns | null = null;
    let rows = 0;
    try {
      reading: for await (const chunk of rowsOf(file)) {
        for (const { row, cells } of chunk) {
          if (isBlankRow(cells)) continue;
          if (columns === null) {
            const header = mapUserImportHeader(row, cells);
            if (header.errors.length > 0)
              return { accounts, errors: header.errors, usernameField: '' };
            columns = header.columns;
            continue;
          }
          rows += 1;
          if (rows > USER_IMPORT_MAX_ROWS) {
            errors.push({
              row,
              field: '',
              problem: { kind: 'too_many_rows', max: USER_IMPORT_MAX_ROWS },
            });
            break reading;
          }
          const checked = checkAccountRow({ row, cells, columns, rules, seen });
          if ('errors' in checked) errors.push(...checked.errors);
          else accounts.push(checked.account);
          if (errors.length >= MAX_ERRORS) break reading;
        }
      }
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      const unreadable: UserImportError = {
        row: error.row,
        field: '',
        problem: { kind: 'unreadable', reason: error.problem },
      };
      return { accounts, errors: [unreadable], usernameField: '' };
    }
    if (rows === 0 && errors.length === 0)
      errors.push({ row: 0, field: '', problem: { kind: 'no_rows' } });
    return { accounts, errors, usernameField: columns?.names.get('username') ?? 'username' };
  }
}

/** The rows of a CSV (UTF-8 or GBK) or XLSX file, streamed from the upload. */
function rowsOf(file: UploadedAccountsFile): AsyncIterable<ImportRow[]> {
  const stream = Readable.from([file.buffer]);
  const extension = extname(file.originalname).toLowerCase();
  if (extension === '.csv' || extension === '.txt') return csvRows(stream);
  if (extension === '.xlsx') return xlsxRows(stream, ACCOUNTS_XLSX_LIMITS);
  throw new ImportFileError({
    key: 'file.unsupportedType',
    params: { type: extension || file.originalname },
  });
}
