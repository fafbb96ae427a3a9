import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { agenciesReachable, hasPermission, type Permission } from '@scorecard/access';
import { dayOf, periodYear, workingCalendar, workingDaysLeft } from '@scorecard/scoring';
import {
  AuditLogRepository,
  NotificationRepository,
  type NotificationParams,
  SchemeRepository,
  TransactionRunner,
  UserRepository,
  WorkingCalendarRepository,
} from '@scorecard/server-database';
import { AccessPolicy } from '../access/access-policy';
import { AgencyDirectory } from '../common/agency-directory.service';
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  OutOfScopeError,
} from '../common/api.errors';
import type { MessageKey } from '../common/api-messages';
import type { AuthenticatedUser } from '../common/current-user.decorator';

/** What every follow-up row (整改事项, 差评, 异议) has: its agency, its stored state, maybe a version. */
export interface FollowUpRow<Status extends string = string> {
  agencyCode: string;
  status: Status;
  version?: number;
}

/** Where one kind of follow-up is read and held, and how its refusals are worded. */
export interface FollowUpKind<Row extends FollowUpRow> {
  /** The audit target's prefix: `rectification`, `bad-review`, `appeal`. */
  target: string;
  find: (id: string) => Promise<Row | null>;
  findForUpdate: (manager: EntityManager, id: string) => Promise<Row | null>;
  notFound: MessageKey;
  /** Refusal of a version the caller read that is no longer current (kinds with versions). */
  stale?: MessageKey;
}

/** What every answered follow-up says the same way: its agency by name, status and time left. */
export interface PresentedFollowUp<Status extends string> {
  id: string;
  period: string;
  agencyCode: string;
  agencyName: string;
  deadline: string;
  /** The stored status, or `overdue` when its deadline has passed. */
  status: Status | 'overdue';
  stage: Status;
  workingDaysLeft: number;
}

/** A message to the agency's heads, in the step's transaction. */
export interface FollowUpNotice {
  kind: string;
  params: NotificationParams;
}

/** One transition: who may take it, from which states, how it is written, audited and told. */
export interface FollowUpStep<Row extends FollowUpRow> {
  permission: Permission;
  /** The version the caller read; a stale one is refused (409). */
  version?: number;
  from: readonly Row['status'][];
  /** The 409 when the row is not in a state `from`. */
  refusal: MessageKey;
  /** Checks of the body that need no row, run once the caller is known to reach the agency. */
  check?: () => void;
  action: string;
  /** Writes the step; false when the row moved meanwhile (answered as stale). */
  write: (manager: EntityManager, row: Row) => Promise<boolean | void>;
  /** The audit's "after" (its "before" is the row's status and version). */
  after: (row: Row) => Record<string, unknown>;
  /** What else the step does in its transaction (a month reopened, …). */
  also?: (manager: EntityManager, row: Row) => Promise<void>;
  /** The message to the agency's heads, if the step sends one. */
  notify?: (row: Row) => Promise<FollowUpNotice | null> | FollowUpNotice | null;
}

/**
 * The one way the follow-up features move an item: found (404), in the caller's reach (403), held
 * for the transaction, current (409 stale) and in a state the step starts from (409 with the
 * step's own words), written, audited with before and after, and told to the agency's heads — all
 * in one transaction. Also the pieces their lists share: the agencies a list covers, an indicator
 * of the month's scheme, and the working days left before a deadline.
 */
@Injectable()
export class FollowUpSteps {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly policy: AccessPolicy,
    private readonly agencies: AgencyDirectory,
    private readonly users: UserRepository,
    private readonly notifications: NotificationRepository,
    private readonly audit: AuditLogRepository,
    private readonly schemes: SchemeRepository,
    private readonly calendar: WorkingCalendarRepository,
  ) {}

  /** Takes `step` on the row `id` of `kind`; answers the row as it was before the step. */
  async take<Row extends FollowUpRow>(
    caller: AuthenticatedUser,
    kind: FollowUpKind<Row>,
    id: string,
    step: FollowUpStep<Row>,
  ): Promise<Row> {
    const found = await kind.find(id);
    if (!found) throw new NotFoundError(kind.notFound, { id });
    await this.policy.assert(caller, step.permission, found.agencyCode);
    step.check?.();
    return this.transactions.run(async (manager) => {
      const row = await kind.findForUpdate(manager, id);
      if (!row) throw new NotFoundError(kind.notFound, { id });
      const stale = () =>
        new ConflictError(kind.stale ?? kind.notFound, { version: row.version ?? 0 });
      if (step.version !== undefined && row.version !== undefined && step.version !== row.version)
        throw stale();
      if (!step.from.includes(row.status)) throw new ConflictError(step.refusal, { id });
      if ((await step.write(manager, row)) === false) throw stale();
      const versioned = row.version === undefined ? {} : { version: row.version };
      const next = row.version === undefined ? {} : { version: row.version + 1 };
      await this.audit.recordAction(
        manager,
        caller,
        step.action,
        `${kind.target}/${id}`,
        { status: row.status, ...versioned },
        { ...step.after(row), ...next },
      );
      await step.also?.(manager, row);
      const notice = await step.notify?.(row);
      if (notice) await this.notifyHeads(manager, row.agencyCode, notice);
      return row;
    });
  }

  /** Tells the agency's active heads, in the caller's transaction. */
  async notifyHeads(
    manager: EntityManager,
    agencyCode: string,
    notice: FollowUpNotice,
  ): Promise<void> {
    await this.notifications.notify(manager, {
      recipients: await this.users.activeOfAgency(manager, agencyCode, ['agency_head']),
      kind: notice.kind,
      params: notice.params,
    });
  }

  /** The agencies a list covers: the one named (when the caller reaches it), or all it reaches. */
  async listScope(
    caller: AuthenticatedUser,
    permission: Permission,
    agencyCode: string | undefined,
  ): Promise<string[]> {
    if (!hasPermission(caller, permission)) throw OutOfScopeError.denied(permission);
    if (agencyCode) {
      await this.policy.assert(caller, permission, agencyCode);
      return [agencyCode];
    }
    return agenciesReachable(await this.agencies.tree(), caller, permission);
  }

  /** 400 unless `indicatorCode` (when given) is an indicator of the month's scheme. */
  async assertIndicatorOf(period: string, indicatorCode: string | null): Promise<void> {
    if (indicatorCode === null) return;
    const scheme = await this.schemes.findForYear(periodYear(period));
    const known = (scheme?.indicators ?? []).map((indicator) => indicator.code);
    if (!known.includes(indicatorCode))
      throw new InvalidInputError([
        {
          field: 'indicatorCode',
          key: 'field.unknownIndicator',
          params: { known: known.join(', ') },
        },
      ]);
  }

  /** Working days from today to each deadline (0: due today, negative: days overdue). */
  async daysLeftOf(deadlines: readonly string[]): Promise<(deadline: string) => number> {
    const today = dayOf(new Date());
    const days = [today, ...deadlines].sort();
    const calendar = workingCalendar(
      await this.calendar.findYears(periodYear(days[0]), periodYear(days[days.length - 1])),
    );
    return (deadline) => workingDaysLeft({ today, deadline, calendar });
  }

  /** Rows as the caller reads them: the shared part here, the kind's own part by `more`. */
  async present<
    Status extends string,
    Row extends {
      id: string;
      period: string;
      agencyCode: string;
      deadline: string;
      status: Status;
      overdue: boolean;
    },
    More,
  >(rows: readonly Row[], more: (row: Row) => More): Promise<(PresentedFollowUp<Status> & More)[]> {
    const daysLeft = await this.daysLeftOf(rows.map((row) => row.deadline));
    const result: (PresentedFollowUp<Status> & More)[] = [];
    for (const row of rows) {
      const shared: PresentedFollowUp<Status> = {
        id: row.id,
        period: row.period,
        agencyCode: row.agencyCode,
        agencyName: await this.agencies.nameOf(row.agencyCode),
        deadline: row.deadline,
        status: row.overdue ? 'overdue' : row.status,
        stage: row.status,
        workingDaysLeft: daysLeft(row.deadline),
      };
      result.push({ ...shared, ...more(row) });
    }
    return result;
  }

  nameOf(agencyCode: string): Promise<string> {
    return this.agencies.nameOf(agencyCode);
  }
}
