import { Injectable, Logger } from '@nestjs/common';
import { hash } from 'bcrypt';
import { DataSource, EntityManager } from 'typeorm';
import { isLate, periodOf, periodYear, shiftPeriod } from '@scorecard/scoring';
import {
  AgencyRepository,
  type CopyValue,
  PeriodLifecycleRepository,
  SchemeRepository,
  copyRows,
  withSchemaLock,
} from '@scorecard/server-database';
import {
  DEFAULT_DUE_DAY,
  DEFAULT_SCHEME_INDICATORS,
  MonthDueDateService,
  PeriodComputationService,
} from '@scorecard/server-months';
import { type DivisionAgency, loadNationDivisions } from '@scorecard/server-provisioning';
import { integerBetween, randomFor } from './deterministic-random';
import { nationDemoFigures } from './demo-nation-figures';

/** The demo password, hashed once and shared by every demo account (never 20,000 hashes). */
const NATION_DEMO_PASSWORD = 'demo';
const STAFF_PER_AGENCY = 5;
/** Zhejiang keeps the province demo's `admin` besides its `admin-330000`. */
const ZHEJIANG = '330000';
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玲红建文斌宇浩凯晨欣怡婷雪琳嘉瑞博';
const POSTS = [
  '综合柜员',
  '参保登记员',
  '待遇审核员',
  '基金征缴专员',
  '稽核员',
  '咨询服务岗',
  '窗口服务员',
];

export interface DemoNationOptions {
  /** Only these provinces (`33` or `330000`) under the nation; every province when left out. */
  provinces?: readonly string[];
}

export interface DemoNationSummary {
  agencies: number;
  periods: string[];
  openPeriod: string;
  users: number;
  /** Milliseconds spent loading the rows and computing the months. */
  loadMs: number;
  computeMs: number;
}

/**
 * Loads the national demo into an empty database: every province, city and county of the
 * country under `000000 全国`, 12 months of deterministic synthetic figures (the newest complete
 * month still open, the 11 before it published), computed results, and the demo accounts —
 * `nation`, `admin-<province>` (and Zhejiang's `admin`), `city-`, `head-` and `staff-<code>-n`.
 * Rows go in with COPY, a few statements for the ~280,000 figures and ~20,000 accounts.
 */
@Injectable()
export class DemoNationSeeder {
  private readonly logger = new Logger(DemoNationSeeder.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly agencyRepository: AgencyRepository,
    private readonly schemes: SchemeRepository,
    private readonly computation: PeriodComputationService,
    private readonly lifecycle: PeriodLifecycleRepository,
    private readonly dueDates: MonthDueDateService,
  ) {}

  async seedIfEmpty(
    now: Date = new Date(),
    options: DemoNationOptions = {},
  ): Promise<DemoNationSummary | null> {
    return withSchemaLock(this.dataSource, async () => {
      if ((await this.agencyRepository.count()) > 0) return null;
      return this.seed(now, options);
    });
  }

  private async seed(now: Date, options: DemoNationOptions): Promise<DemoNationSummary> {
    const started = Date.now();
    const agencies = loadNationDivisions(options.provinces);
    const openPeriod = shiftPeriod(periodOf(now), -1);
    const periods = Array.from({ length: 12 }, (_, i) => shiftPeriod(openPeriod, i - 11));
    const passwordHash = await hash(NATION_DEMO_PASSWORD, 10);

    let users = 0;
    await this.dataSource.transaction(async (manager) => {
      await copyRows(
        manager,
        'agency',
        ['code', 'name', 'level', 'parent_code'],
        agencies.map((agency) => [agency.code, agency.name, agency.level, agency.parentCode]),
      );
      for (const year of new Set(periods.map(periodYear))) {
        await this.schemes.insertYear(manager, year, DEFAULT_DUE_DAY, DEFAULT_SCHEME_INDICATORS);
      }
      // The demo's calendar is empty (no holiday data is invented): only weekends move a due day.
      const dueDates = new Map<string, string>();
      for (const period of periods)
        dueDates.set(period, await this.dueDates.dueDateOf(manager, period));
      await copyRows(
        manager,
        'period',
        ['period', 'status', 'due_date'],
        periods.map((period) => [
          period,
          period === openPeriod ? 'open' : 'published',
          dueDates.get(period) as string,
        ]),
      );
      await this.insertSubmissions(
        manager,
        agencies,
        periods.map((period) => ({
          period,
          dueDate: dueDates.get(period) as string,
          isOpen: period === openPeriod,
        })),
        now,
      );
      users = await this.insertUsers(manager, agencies, passwordHash);
    });
    const loaded = Date.now();

    // Month by month, as the provinces would: a month's rank changes compare with the previous
    // month as published.
    for (const period of periods) {
      await this.computation.compute(period);
      if (period === openPeriod) continue;
      await this.dataSource.transaction(async (manager) => {
        await this.lifecycle.snapshot(manager, period, 1);
        await this.lifecycle.markLocked(manager, period);
        await this.lifecycle.markPublished(manager, period, 1);
        await this.lifecycle.recordEvent(manager, {
          period,
          action: 'publish',
          version: 1,
          actor: 'nation',
        });
      });
    }
    const summary = {
      agencies: agencies.length,
      periods,
      openPeriod,
      users,
      loadMs: loaded - started,
      computeMs: Date.now() - loaded,
    };
    this.logger.log(
      `National demo loaded: ${summary.agencies} agencies, ${users} accounts, ${periods[0]} … ${openPeriod} ` +
        `(rows in ${summary.loadMs} ms, 12 months computed in ${summary.computeMs} ms)`,
    );
    return summary;
  }

  /** Every agency but the nation reports its own figures, most of them early, a few late. */
  private async insertSubmissions(
    manager: EntityManager,
    agencies: DivisionAgency[],
    months: { period: string; dueDate: string; isOpen: boolean }[],
    now: Date,
  ): Promise<void> {
    const submissions: CopyValue[][] = [];
    const values: CopyValue[][] = [];
    for (const { period, dueDate, isOpen } of months) {
      for (const agency of agencies) {
        if (agency.level === 'nation') continue;
        const random = randomFor(`${agency.code}/${period}`);
        const reportChance = agency.level === 'province' ? 1 : isOpen ? 0.8 : 0.97;
        if (random() >= reportChance) continue;
        const submittedAt = submissionTime(random, period, isOpen, now);
        submissions.push([
          period,
          agency.code,
          1,
          isOpen ? 'submitted' : 'approved',
          isLate(submittedAt, dueDate),
          submittedAt.toISOString(),
          agency.level === 'province' ? `admin-${agency.code}` : `head-${agency.code}`,
        ]);
        for (const figure of nationDemoFigures(agency, period)) {
          values.push([
            period,
            agency.code,
            figure.indicatorCode,
            figure.numerator,
            figure.denominator,
          ]);
        }
      }
    }
    await copyRows(
      manager,
      'submission',
      ['period', 'agency_code', 'version', 'status', 'late', 'submitted_at', 'submitted_by'],
      submissions,
    );
    await copyRows(
      manager,
      'submission_value',
      ['period', 'agency_code', 'indicator_code', 'numerator', 'denominator'],
      values,
    );
  }

  /** The demo accounts, all with the one hash; answers how many. */
  private async insertUsers(
    manager: EntityManager,
    agencies: DivisionAgency[],
    passwordHash: string,
  ): Promise<number> {
    const users: CopyValue[][] = [];
    const add = (
      username: string,
      displayName: string,
      role: string,
      agencyCode: string,
      post: string | null = null,
    ) => users.push([username, displayName, passwordHash, role, agencyCode, post, true]);
    for (const agency of agencies) {
      if (agency.level === 'nation') {
        add('nation', '全国医保经办管理员', 'national_admin', agency.code);
        continue;
      }
      const random = randomFor(`staff/${agency.code}`);
      if (agency.level === 'province') {
        if (agency.code === ZHEJIANG)
          add('admin', '省医保中心管理员', 'province_admin', agency.code);
        add(`admin-${agency.code}`, `${agency.name}医保中心管理员`, 'province_admin', agency.code);
      } else {
        add(
          `head-${agency.code}`,
          `${chineseName(random)}（${agency.name}负责人）`,
          'agency_head',
          agency.code,
          '负责人',
        );
      }
      if (agency.level === 'city')
        add(`city-${agency.code}`, `${agency.name}医保中心管理员`, 'city_admin', agency.code);
      for (let i = 1; i <= STAFF_PER_AGENCY; i++) {
        const displayName = chineseName(random);
        add(
          `staff-${agency.code}-${i}`,
          displayName,
          'staff',
          agency.code,
          POSTS[integerBetween(random, 0, POSTS.length - 1)],
        );
      }
    }
    await copyRows(
      manager,
      'app_user',
      ['username', 'display_name', 'password_hash', 'role', 'agency_code', 'post', 'is_demo'],
      users,
    );
    return users.length;
  }
}

/** Most agencies report in the first days of the next month; a few after the due date. */
function submissionTime(random: () => number, period: string, isOpen: boolean, now: Date): Date {
  const nextMonthStart = Date.parse(`${shiftPeriod(period, 1)}-01T09:00:00+08:00`);
  const late = random() < 0.1;
  const day = late ? integerBetween(random, 5, 9) : integerBetween(random, 0, 3);
  const at = new Date(
    nextMonthStart + day * 86_400_000 + integerBetween(random, 0, 8 * 3600) * 1000,
  );
  return isOpen && at > now ? new Date(now.getTime() - 3600_000) : at;
}

function chineseName(random: () => number): string {
  const pick = (chars: string) => chars[integerBetween(random, 0, chars.length - 1)];
  return pick(SURNAMES) + pick(GIVEN) + (random() < 0.6 ? pick(GIVEN) : '');
}
