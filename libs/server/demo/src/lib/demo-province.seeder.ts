import { Injectable, Logger } from '@nestjs/common';
import { hash } from 'bcrypt';
import { DataSource, EntityManager } from 'typeorm';
import { dayOf, isLate, periodOf, periodYear, shiftPeriod, workingCalendar } from '@scorecard/scoring';
import {
  AgencyEntity,
  AgencyRepository,
  PeriodEntity,
  PeriodLifecycleRepository,
  SchemeRepository,
  SubmissionEntity,
  SubmissionValueEntity,
  UserEntity,
  WorkingCalendarRepository,
  withSchemaLock,
} from '@scorecard/server-database';
import {
  DEFAULT_DUE_DAY,
  DEFAULT_SCHEME_INDICATORS,
  MonthDueDateService,
  PeriodComputationService,
  StarScheduleService,
} from '@scorecard/server-months';
import { type DivisionAgency, loadProvinceDivisions } from '@scorecard/server-provisioning';
import { type DemoPublication, DemoFollowUpSeeder } from './demo-follow-up';
import { seedDemoStars } from './demo-stars';
import { between, integerBetween, randomFor } from './deterministic-random';

export const DEMO_PASSWORD = 'demo';
const STAFF_PER_AGENCY = 5;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玲红建文斌宇浩凯晨欣怡婷雪琳嘉瑞博';
const POSTS = ['综合柜员', '参保登记员', '待遇审核员', '基金征缴专员', '稽核员', '咨询服务岗', '窗口服务员'];
/**
 * A county whose service level climbs over the last four published months (from last in its city
 * to near the top), so the league table shows an improving streak (进步) beside the warnings.
 */
const IMPROVING_COUNTY = '331082';
const IMPROVING_QUALITY = [0.02, 0.45, 0.75, 1];

export interface DemoSeedSummary {
  seeded: boolean;
  agencies: number;
  periods: string[];
  openPeriod: string;
  users: number;
}

/**
 * Loads the demo province into an empty database: the real Zhejiang hierarchy, 12 months of
 * deterministic synthetic figures (the newest complete month still open, the 11 before it
 * published), computed results, the demo accounts, and star history in the published months.
 */
@Injectable()
export class DemoProvinceSeeder {
  private readonly logger = new Logger(DemoProvinceSeeder.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly agencyRepository: AgencyRepository,
    private readonly schemes: SchemeRepository,
    private readonly computation: PeriodComputationService,
    private readonly lifecycle: PeriodLifecycleRepository,
    private readonly starSchedule: StarScheduleService,
    private readonly dueDates: MonthDueDateService,
    private readonly calendar: WorkingCalendarRepository,
    private readonly followUp: DemoFollowUpSeeder,
  ) {}

  async seedIfEmpty(now: Date = new Date()): Promise<DemoSeedSummary | null> {
    return withSchemaLock(this.dataSource, async () => {
      if ((await this.agencyRepository.count()) > 0) return null;
      return this.seed(now);
    });
  }

  private async seed(now: Date): Promise<DemoSeedSummary> {
    const agencies = loadProvinceDivisions('33');
    const openPeriod = shiftPeriod(periodOf(now), -1);
    const periods = Array.from({ length: 12 }, (_, i) => shiftPeriod(openPeriod, i - 11));
    const passwordHash = await hash(DEMO_PASSWORD, 10);

    let users = 0;
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(AgencyEntity).insert(agencies);
      await this.insertSchemes(manager, periods);
      // The demo's calendar is empty (no holiday data is invented): only weekends move a due day.
      const dueDates = new Map<string, string>();
      for (const period of periods) dueDates.set(period, await this.dueDates.dueDateOf(manager, period));
      await manager.getRepository(PeriodEntity).insert(
        periods.map((period) => ({
          period,
          status: period === openPeriod ? ('open' as const) : ('published' as const),
          dueDate: dueDates.get(period) as string,
        })),
      );
      for (const period of periods) {
        const dueDate = dueDates.get(period) as string;
        // The improving county's climb ends with the newest published month.
        const monthsToNewest = periods.length - 2 - periods.indexOf(period);
        await this.insertSubmissions(manager, agencies, {
          period,
          dueDate,
          isOpen: period === openPeriod,
          now,
          monthsToNewest,
        });
      }
      const inserted = await this.insertUsers(manager, agencies, passwordHash);
      users = inserted.count;
      await seedDemoStars(
        manager,
        agencies,
        periods.filter((period) => period !== openPeriod),
        inserted.staffPosts,
      );
    });

    // Month by month, as the province would: a month's rank changes compare with the previous
    // month as published; each publication raises its rectification items.
    const publications = await this.publicationDates(periods.slice(0, -1), now);
    for (const period of periods) {
      await this.computation.compute(period);
      if (period === openPeriod) continue;
      const publication = publications.find((p) => p.period === period) as DemoPublication;
      const publishedAt = publication.publishedAt;
      await this.dataSource.transaction(async (manager) => {
        await this.lifecycle.snapshot(manager, period, 1);
        await this.lifecycle.markLocked(manager, period, new Date(publishedAt.getTime() - 86_400_000));
        await this.lifecycle.markPublished(manager, period, 1, publishedAt);
        await this.followUp.raiseAtPublication(manager, publication);
        await this.lifecycle.recordEvent(manager, { period, action: 'publish', version: 1, actor: 'admin', at: publishedAt });
      });
    }
    // The work done on the published months since: answers, verdicts, bad reviews, appeals.
    await this.dataSource.transaction((manager) =>
      this.followUp.seed(manager, { agencies, publications, openPeriod, now }),
    );
    // Agency heads hear that the open month's star can be named (the daily schedule does this too).
    await this.starSchedule.announceNominations(now);
    this.logger.log(`Demo province loaded: ${agencies.length} agencies, ${periods[0]} … ${openPeriod}`);
    return { seeded: true, agencies: agencies.length, periods, openPeriod, users };
  }

  /**
   * When each month was published: a month on the 8th working day of the next, the newest on the
   * working day before `now` (its follow-up has just begun: the morning after publication).
   */
  private async publicationDates(published: string[], now: Date): Promise<DemoPublication[]> {
    const today = dayOf(now);
    const year = Number(today.slice(0, 4));
    const calendar = workingCalendar(await this.calendar.findYears(year - 2, year));
    return published.map((period, index) => ({
      period,
      publishedAt:
        index === published.length - 1
          ? new Date(`${calendar.addWorkingDays(today, -1)}T17:30:00+08:00`)
          : new Date(`${calendar.nthWorkingDayOfMonth(shiftPeriod(period, 1), 8)}T16:30:00+08:00`),
    }));
  }

  private async insertSchemes(manager: EntityManager, periods: string[]): Promise<void> {
    for (const year of new Set(periods.map(periodYear))) {
      await this.schemes.insertYear(manager, year, DEFAULT_DUE_DAY, DEFAULT_SCHEME_INDICATORS);
    }
  }

  private async insertSubmissions(
    manager: EntityManager,
    agencies: DivisionAgency[],
    month: { period: string; dueDate: string; isOpen: boolean; now: Date; monthsToNewest: number },
  ): Promise<void> {
    const { period, dueDate, isOpen, now, monthsToNewest } = month;
    const submissions: Partial<SubmissionEntity>[] = [];
    const values: Partial<SubmissionValueEntity>[] = [];
    for (const agency of agencies) {
      const random = randomFor(`${agency.code}/${period}`);
      const reportChance = agency.level === 'province' ? 1 : isOpen ? 0.8 : 0.97;
      const climbing = agency.code === IMPROVING_COUNTY && !isOpen;
      if (random() >= reportChance && !climbing) continue;
      const submittedAt = this.submissionTime(random, period, isOpen, now);
      submissions.push({
        period,
        agencyCode: agency.code,
        version: 1,
        status: isOpen ? 'submitted' : 'approved',
        late: isLate(submittedAt, dueDate),
        submittedAt,
        submittedBy: agency.level === 'province' ? 'admin' : `head-${agency.code}`,
      });
      const climb = climbing ? IMPROVING_QUALITY[IMPROVING_QUALITY.length - 1 - monthsToNewest] : undefined;
      for (const figure of demoFigures(agency, period, climb)) values.push({ period, agencyCode: agency.code, ...figure });
    }
    await manager.getRepository(SubmissionEntity).insert(submissions);
    for (let i = 0; i < values.length; i += 1000) {
      await manager.getRepository(SubmissionValueEntity).insert(values.slice(i, i + 1000));
    }
  }

  /** Most agencies report in the first days of the next month; a few after the due date. */
  private submissionTime(random: () => number, period: string, isOpen: boolean, now: Date): Date {
    const nextMonthStart = Date.parse(`${shiftPeriod(period, 1)}-01T09:00:00+08:00`);
    const late = random() < 0.1;
    const day = late ? integerBetween(random, 5, 9) : integerBetween(random, 0, 3);
    const at = new Date(nextMonthStart + day * 86_400_000 + integerBetween(random, 0, 8 * 3600) * 1000);
    return isOpen && at > now ? new Date(now.getTime() - 3600_000) : at;
  }

  /** Inserts the demo accounts; answers how many, and each staff member's post by username. */
  private async insertUsers(
    manager: EntityManager,
    agencies: DivisionAgency[],
    passwordHash: string,
  ): Promise<{ count: number; staffPosts: Map<string, string> }> {
    const staffPosts = new Map<string, string>();
    const users: Partial<UserEntity>[] = [
      { username: 'admin', displayName: '省医保中心管理员', role: 'province_admin', agencyCode: agencies[0].code, passwordHash, isDemo: true },
    ];
    for (const agency of agencies) {
      const random = randomFor(`staff/${agency.code}`);
      if (agency.level !== 'province') {
        users.push({
          username: `head-${agency.code}`,
          displayName: `${chineseName(random)}（${agency.name}负责人）`,
          role: 'agency_head',
          agencyCode: agency.code,
          post: '负责人',
          passwordHash,
          isDemo: true,
        });
      }
      if (agency.level === 'city') {
        // Named without drawing from the random sequence: the rest of the demo stays as it was.
        users.push({
          username: `city-${agency.code}`,
          displayName: `${agency.name}医保中心管理员`,
          role: 'city_admin',
          agencyCode: agency.code,
          passwordHash,
          isDemo: true,
        });
      }
      for (let i = 1; i <= STAFF_PER_AGENCY; i++) {
        const username = `staff-${agency.code}-${i}`;
        // The name is drawn before the post: the demo's random sequence stays as it was.
        const displayName = chineseName(random);
        const post = POSTS[integerBetween(random, 0, POSTS.length - 1)];
        staffPosts.set(username, post);
        users.push({
          username,
          displayName,
          role: 'staff',
          agencyCode: agency.code,
          post,
          passwordHash,
          isDemo: true,
        });
      }
    }
    for (let i = 0; i < users.length; i += 500) {
      await manager.getRepository(UserEntity).insert(users.slice(i, i + 500));
    }
    return { count: users.length, staffPosts };
  }
}

function chineseName(random: () => number): string {
  const pick = (chars: string) => chars[integerBetween(random, 0, chars.length - 1)];
  return pick(SURNAMES) + pick(GIVEN) + (random() < 0.6 ? pick(GIVEN) : '');
}

/**
 * Synthetic but plausible monthly figures: each agency has a steady quality level, months add
 * noise; some exceed the expansion task, some had no A-post absence (denominator 0).
 */
function demoFigures(
  agency: DivisionAgency,
  period: string,
  qualityOfMonth?: number,
): { indicatorCode: string; numerator: string; denominator: string }[] {
  const quality = qualityOfMonth ?? randomFor(`quality/${agency.code}`)();
  const random = randomFor(`figures/${agency.code}/${period}`);
  const size = agency.level === 'county' ? 1 : agency.level === 'city' ? 1.4 : 2;
  const rate = (base: number, spread: number, noise: number, cap = 1) =>
    Math.max(0, Math.min(cap, base + spread * quality + between(random, -noise, noise)));
  const count = (denominator: number, r: number) => String(Math.round(denominator * r));
  const figures: { indicatorCode: string; numerator: string; denominator: string }[] = [];

  const task = Math.round(integerBetween(random, 300, 3000) * size);
  figures.push({ indicatorCode: 'enrollment_expansion', numerator: count(task, rate(0.72, 0.38, 0.08, 1.15)), denominator: String(task) });

  const dueFen = Math.round(between(random, 5e8, 8e9) * size);
  const collectedFen = Math.round(dueFen * rate(0.86, 0.13, 0.02));
  figures.push({ indicatorCode: 'collection', numerator: fen(collectedFen), denominator: fen(dueFen) });

  const employers = Math.round(integerBetween(random, 80, 1500) * size);
  figures.push({ indicatorCode: 'annual_inspection', numerator: count(employers, rate(0.72, 0.28, 0.05)), denominator: String(employers) });

  const checks = integerBetween(random, 20, 60);
  figures.push({ indicatorCode: 'first_inquiry', numerator: count(checks, rate(0.78, 0.22, 0.05)), denominator: String(checks) });

  const absences = random() < 0.15 ? 0 : integerBetween(random, 1, 12);
  figures.push({ indicatorCode: 'ab_post', numerator: count(absences, rate(0.75, 0.25, 0.1)), denominator: String(absences) });

  const consultations = Math.round(integerBetween(random, 100, 3000) * size);
  figures.push({ indicatorCode: 'online_reply', numerator: count(consultations, rate(0.68, 0.3, 0.05)), denominator: String(consultations) });

  const ratings = Math.round(integerBetween(random, 500, 20000) * size);
  figures.push({ indicatorCode: 'satisfaction', numerator: count(ratings, rate(0.8, 0.18, 0.03)), denominator: String(ratings) });
  return figures;
}

function fen(amount: number): string {
  return `${Math.floor(amount / 100)}.${String(amount % 100).padStart(2, '0')}`;
}
