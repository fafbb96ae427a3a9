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
import { loadProvinceDivisions, provinceCodeOf } from './divisions';

export interface ProvinceSetup {
  /** `33` or `330000`. */
  province: string;
  adminUsername: string;
  adminPassword: string;
  now?: Date;
}

export interface ProvinceSetupSummary {
  province: { code: string; name: string };
  agenciesAdded: number;
  schemeAdded: number | null;
  adminCreated: boolean;
  /** The months of this year that had ended and were not there yet, oldest first. */
  monthsOpened: string[];
}

/** What `init` refuses, with the sentence the operator reads. */
export class ProvisioningError extends Error {}

/**
 * Prepares an empty database for one province's centre (the production path; the demo is never
 * loaded): its agencies from the GB/T 2260 divisions, this year's default scheme, the province
 * administrator, and the month that has ended. Safe to run again: what exists is left alone, and
 * an existing administrator keeps its password.
 */
@Injectable()
export class ProvinceProvisioner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly agencies: AgencyRepository,
    private readonly audit: AuditLogRepository,
    private readonly schemes: SchemeRepository,
    private readonly users: UserRepository,
    private readonly schedule: PeriodScheduleService,
  ) {}

  async setUp(setup: ProvinceSetup): Promise<ProvinceSetupSummary> {
    const provinceCode = provinceCodeOf(setup.province);
    if (!provinceCode)
      throw new ProvisioningError(
        `"${setup.province}" is not a province code such as 33 or 330000`,
      );
    const divisions = (() => {
      try {
        return loadProvinceDivisions(provinceCode);
      } catch {
        throw new ProvisioningError(`No province has the code ${setup.province}`);
      }
    })();
    const root = divisions[0];
    const now = setup.now ?? new Date();

    const summary = await withSchemaLock(this.dataSource, () =>
      this.dataSource.transaction(async (manager) => {
        const existing = await this.agencies.findAll(manager);
        const otherRoot = existing.find(
          (agency) => agency.level === 'province' && agency.code !== root.code,
        );
        if (otherRoot) {
          throw new ProvisioningError(
            `This database already serves ${otherRoot.name} (${otherRoot.code}); it cannot also be set up for ${root.name}`,
          );
        }
        const known = new Set(existing.map((agency) => agency.code));
        const missing = divisions.filter((division) => !known.has(division.code));
        if (missing.length > 0) await manager.getRepository(AgencyEntity).insert(missing);

        const year = periodYear(shiftPeriod(periodOf(now), -1));
        let schemeAdded: number | null = null;
        if (!(await this.schemes.findForYear(year, manager))) {
          await this.schemes.insertYear(manager, year, DEFAULT_DUE_DAY, DEFAULT_SCHEME_INDICATORS);
          schemeAdded = year;
        }

        let adminCreated = false;
        const admin = await this.users.findByUsername(setup.adminUsername, manager);
        if (admin && (admin.role !== 'province_admin' || admin.agencyCode !== root.code)) {
          throw new ProvisioningError(
            `The user ${setup.adminUsername} exists and is not the administrator of ${root.name}`,
          );
        }
        if (!admin) {
          const problem = passwordProblem(setup.adminPassword, setup.adminUsername);
          if (problem)
            throw new ProvisioningError(
              `SCORECARD_ADMIN_PASSWORD ${PASSWORD_PROBLEM_MESSAGES[problem].en}`,
            );
          await this.users.insert(manager, {
            username: setup.adminUsername,
            displayName: `${root.name}医保经办管理员`,
            role: 'province_admin',
            agencyCode: root.code,
            passwordHash: await hash(setup.adminPassword, 12),
          });
          adminCreated = true;
        }
        const changes = { agenciesAdded: missing.length, schemeAdded, adminCreated };
        if (missing.length > 0 || schemeAdded !== null || adminCreated) {
          await this.audit.recordAction(
            manager,
            SYSTEM_ACTOR,
            'province.init',
            `agency/${root.code}`,
            null,
            {
              ...changes,
              admin: setup.adminUsername,
            },
          );
        }
        return changes;
      }),
    );
    return {
      province: { code: root.code, name: root.name },
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
