import { Injectable } from '@nestjs/common';
import { hash } from 'bcrypt';
import { DataSource } from 'typeorm';
import { PASSWORD_PROBLEM_MESSAGES, passwordProblem } from '@scorecard/access';
import { periodOf, periodYear, shiftPeriod } from '@scorecard/scoring';
import {
  AgencyEntity,
  AgencyRepository,
  AuditLogRepository,
  SchemeRepository,
  SYSTEM_ACTOR,
  UserRepository,
  withSchemaLock,
} from '@scorecard/server-database';
import {
  DEFAULT_DUE_DAY,
  DEFAULT_SCHEME_INDICATORS,
  PeriodScheduleService,
} from '@scorecard/server-months';
import type { DivisionAgency } from './divisions';

/** What `init` refuses, with the sentence the operator reads. */
export class ProvisioningError extends Error {}

export interface TreeSetup {
  /** The root first (the province, or the nation), then everything under it. */
  divisions: DivisionAgency[];
  /** Which existing agency would make the database another deployment's (one sentence if so). */
  conflictsWith: (existing: AgencyEntity) => boolean;
  admin: {
    username: string;
    password: string;
    role: 'national_admin' | 'province_admin';
    displayName: string;
  };
  /** The audit action recorded when anything was added (`province.init`, `nation.init`). */
  action: string;
  now: Date;
}

export interface TreeSetupSummary {
  root: { code: string; name: string };
  agenciesAdded: number;
  schemeAdded: number | null;
  adminCreated: boolean;
  /** The months of this year that had ended and were not there yet, oldest first. */
  monthsOpened: string[];
}

/** Rows of agencies per INSERT: four parameters each, well inside PostgreSQL's 65,535. */
const AGENCY_ROWS_PER_INSERT = 5000;

/**
 * Prepares an empty database for a centre (the production path; the demo is never loaded): its
 * agencies from the GB/T 2260 divisions, this year's default scheme, the administrator, and the
 * months that have ended, in one transaction. Safe to run again: what exists is left alone, and
 * an existing administrator keeps its password.
 */
@Injectable()
export class TreeProvisioner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly agencies: AgencyRepository,
    private readonly audit: AuditLogRepository,
    private readonly schemes: SchemeRepository,
    private readonly users: UserRepository,
    private readonly schedule: PeriodScheduleService,
  ) {}

  async setUp(setup: TreeSetup): Promise<TreeSetupSummary> {
    const root = setup.divisions[0];
    const { admin, now } = setup;
    const summary = await withSchemaLock(this.dataSource, () =>
      this.dataSource.transaction(async (manager) => {
        const existing = await this.agencies.findAll(manager);
        const other = existing.find(setup.conflictsWith);
        if (other) {
          throw new ProvisioningError(
            `This database already serves ${other.name} (${other.code}); it cannot also be set up for ${root.name}`,
          );
        }
        const known = new Set(existing.map((agency) => agency.code));
        const missing = setup.divisions.filter((division) => !known.has(division.code));
        for (let i = 0; i < missing.length; i += AGENCY_ROWS_PER_INSERT) {
          await manager
            .getRepository(AgencyEntity)
            .insert(missing.slice(i, i + AGENCY_ROWS_PER_INSERT));
        }

        const year = periodYear(shiftPeriod(periodOf(now), -1));
        let schemeAdded: number | null = null;
        if (!(await this.schemes.findForYear(year, manager))) {
          await this.schemes.insertYear(manager, year, DEFAULT_DUE_DAY, DEFAULT_SCHEME_INDICATORS);
          schemeAdded = year;
        }

        let adminCreated = false;
        const user = await this.users.findByUsername(admin.username, manager);
        if (user && (user.role !== admin.role || user.agencyCode !== root.code)) {
          throw new ProvisioningError(
            `The user ${admin.username} exists and is not the administrator of ${root.name}`,
          );
        }
        if (!user) {
          const problem = passwordProblem(admin.password, admin.username);
          if (problem)
            throw new ProvisioningError(
              `SCORECARD_ADMIN_PASSWORD ${PASSWORD_PROBLEM_MESSAGES[problem].en}`,
            );
          await this.users.insert(manager, {
            username: admin.username,
            displayName: admin.displayName,
            role: admin.role,
            agencyCode: root.code,
            passwordHash: await hash(admin.password, 12),
          });
          adminCreated = true;
        }
        const changes = { agenciesAdded: missing.length, schemeAdded, adminCreated };
        if (missing.length > 0 || schemeAdded !== null || adminCreated) {
          await this.audit.recordAction(
            manager,
            SYSTEM_ACTOR,
            setup.action,
            `agency/${root.code}`,
            null,
            {
              ...changes,
              admin: admin.username,
            },
          );
        }
        return changes;
      }),
    );
    return {
      root: { code: root.code, name: root.name },
      ...summary,
      monthsOpened: await this.openEndedMonths(now),
    };
  }

  /** Every month of the year that has ended (January up to last month), as the schedule opens them. */
  private async openEndedMonths(now: Date): Promise<string[]> {
    const last = shiftPeriod(periodOf(now), -1);
    const opened: string[] = [];
    for (let period = `${periodYear(last)}-01`; period <= last; period = shiftPeriod(period, 1)) {
      if (await this.schedule.openMonth(period)) opened.push(period);
    }
    return opened;
  }
}
