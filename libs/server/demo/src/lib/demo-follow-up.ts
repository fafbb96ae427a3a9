import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  addCalendarDays,
  badReviewDeadline,
  dayOf,
  periodYear,
  shiftPeriod,
  type WorkingCalendar,
  warningsOf,
  workingCalendar,
} from '@scorecard/scoring';
import {
  type AuditActor,
  type BadReviewHistory,
  DEFAULT_SCHEME_SETTINGS,
  FollowUpHistoryRepository,
  type RectificationHistory,
  RectificationRepository,
  SchemeRepository,
  WarningRepository,
  WorkingCalendarRepository,
} from '@scorecard/server-database';
import { AppealWindowService, RectificationRaisingService } from '@scorecard/server-months';
import type { DivisionAgency } from '@scorecard/server-provisioning';
import { integerBetween, randomFor } from './deterministic-random';
import {
  ACCEPTED_NOTES,
  APPEAL_DISMISSED,
  APPEAL_PENDING,
  BAD_REVIEW_APPEAL,
  BAD_REVIEW_COMMENTS,
  BAD_REVIEW_EXPLAINED,
  BAD_REVIEW_RECTIFIED,
  BAD_REVIEW_VERIFY_NOTES,
  MANUAL_ITEMS,
  RECTIFICATION_ANSWERS,
  SENT_BACK_NOTE,
  WARNING_TALK_NOTE,
} from './demo-follow-up.texts';

/** The province admin, who publishes the demo's months. */
const PUBLISHER: AuditActor = Object.freeze({
  username: 'admin',
  role: 'province_admin',
  agencyCode: '330000',
  requestId: null,
});
const CHANNELS = ['window', 'online', 'phone', 'app'];
/** How many of the newest published months have bad reviews (besides the open month). */
const BAD_REVIEW_MONTHS = 6;

/** A published month of the demo and when it was published. */
export interface DemoPublication {
  period: string;
  publishedAt: Date;
}

/**
 * The follow-up of the demo's published months, so every follow-up screen has real work to show:
 * the rectification items publication raises (by the publication's own code), answered and
 * verified as people would — older ones mostly closed, some overdue, the newest month's still
 * open or awaiting the city — a few items from spot checks (抽查), bad review cases in every
 * state, and appeals. Deterministic: the same demo on every machine for the same day.
 */
@Injectable()
export class DemoFollowUpSeeder {
  constructor(
    private readonly raising: RectificationRaisingService,
    private readonly appealWindow: AppealWindowService,
    private readonly rectifications: RectificationRepository,
    private readonly history: FollowUpHistoryRepository,
    private readonly calendar: WorkingCalendarRepository,
    private readonly schemes: SchemeRepository,
    private readonly warnings: WarningRepository,
  ) {}

  /**
   * When the demo publishes a month (in the publication's transaction): the items the
   * publication raises, as `PeriodPublicationService` raises them, dated the day it was published.
   */
  async raiseAtPublication(manager: EntityManager, publication: DemoPublication): Promise<void> {
    await this.raising.raiseAtPublication(manager, {
      period: publication.period,
      version: 1,
      publishedAt: publication.publishedAt,
      actor: PUBLISHER,
    });
  }

  /** The work done on them since, up to `now`; after every month is published. */
  async seed(
    manager: EntityManager,
    input: {
      agencies: DivisionAgency[];
      publications: DemoPublication[];
      openPeriod: string;
      now: Date;
    },
  ): Promise<void> {
    const { agencies, publications, now } = input;
    const calendar = await this.calendarAround(manager, publications[0].period, now);
    const context: SeedContext = {
      now,
      today: dayOf(now),
      calendar,
      parentOf: new Map(agencies.map((agency) => [agency.code, agency.parentCode])),
      levelOf: new Map(agencies.map((agency) => [agency.code, agency.level])),
      publishedAt: new Map(publications.map((p) => [p.period, p.publishedAt])),
    };
    const spotChecks = await this.raiseSpotChecks(manager, context, publications);
    const items = await this.history.rectifications(manager);
    await this.history.recordRectifications(
      manager,
      rectificationHistory(items, spotChecks, context),
    );
    await this.history.insertBadReviews(
      manager,
      await this.badReviews(manager, context, {
        counties: agencies.filter((agency) => agency.level === 'county'),
        periods: [
          ...publications.slice(-BAD_REVIEW_MONTHS).map((publication) => publication.period),
          input.openPeriod,
        ],
      }),
    );
    await this.appeals(manager, context, publications);
    await this.warningTalk(manager, context, agencies, publications);
  }

  /**
   * The talk (约谈) the province held with an agency warned for failing months running, a few
   * working days after the month before the newest was published.
   */
  private async warningTalk(
    manager: EntityManager,
    context: SeedContext,
    agencies: DivisionAgency[],
    publications: DemoPublication[],
  ): Promise<void> {
    const month = publications[publications.length - 2];
    if (!month) return;
    const counties = agencies
      .filter((agency) => agency.level === 'county')
      .map((agency) => agency.code);
    const scheme = await this.schemes.findInForce(month.period, manager);
    const warned = warningsOf(
      month.period,
      await this.warnings.standings(month.period, counties),
      scheme?.warnings ?? DEFAULT_SCHEME_SETTINGS.warnings,
    ).find((warning) => warning.rule === 'fail_streak');
    if (!warned) return;
    await this.warnings.recordTalk(manager, {
      period: month.period,
      agencyCode: warned.agencyCode,
      heldOn: context.calendar.addWorkingDays(dayOf(month.publishedAt), 3),
      note: WARNING_TALK_NOTE,
      by: PUBLISHER.username,
    });
  }

  /**
   * Items an admin raised by hand after a spot check (抽查): one in an older month, two working
   * days after its publication, and one in the newest, since it was published. Answers when each
   * was raised, by id.
   */
  private async raiseSpotChecks(
    manager: EntityManager,
    context: SeedContext,
    publications: DemoPublication[],
  ): Promise<Map<string, Date>> {
    const raised = new Map<string, Date>();
    const months = [publications[publications.length - 3], publications[publications.length - 1]];
    for (const [index, item] of MANUAL_ITEMS.entries()) {
      const month = months[index];
      if (!month) continue;
      const since = month.publishedAt.getTime();
      const raisedAt =
        index === 0
          ? at(context.calendar.addWorkingDays(dayOf(month.publishedAt), 2), 9 * 60 + 30)
          : new Date(since + Math.round((context.now.getTime() - since) * 0.2));
      const id = await this.rectifications.insertManual(manager, {
        period: month.period,
        agencyCode: item.agencyCode,
        indicatorCode: item.indicatorCode,
        reason: item.reason,
        deadline: await this.raising.deadlineOf(manager, month.period, dayOf(raisedAt)),
        createdBy: item.createdBy,
      });
      raised.set(id, raisedAt);
    }
    return raised;
  }

  private async badReviews(
    manager: EntityManager,
    context: SeedContext,
    scope: { counties: DivisionAgency[]; periods: string[] },
  ): Promise<BadReviewHistory[]> {
    const cases: BadReviewHistory[] = [];
    for (const period of scope.periods) {
      const scheme = await this.schemes.findInForce(period, manager);
      const workingDays =
        scheme?.badReviewWorkingDays ?? DEFAULT_SCHEME_SETTINGS.badReviewWorkingDays;
      const published = context.publishedAt.has(period);
      for (const county of scope.counties) {
        const random = randomFor(`bad-reviews/${county.code}/${period}`);
        const draw = random();
        const count = draw < 0.45 ? 0 : draw < 0.8 ? 1 : draw < 0.95 ? 2 : 3;
        for (let n = 1; n <= count; n++) {
          const ratedOn = `${period}-${String(integerBetween(random, 1, 28)).padStart(2, '0')}`;
          const ratedAt = at(ratedOn, integerBetween(random, 8 * 60 + 30, 17 * 60));
          // A published month's ratings came in the first working day after it; the open
          // month's in the latest sync, a few working days ago.
          const importedOn = published
            ? context.calendar.nthWorkingDayOfMonth(shiftPeriod(period, 1), 1)
            : latest(
                addCalendarDays(ratedOn, 1),
                context.calendar.addWorkingDays(context.today, -integerBetween(random, 1, 3)),
                context.today,
              );
          const deadline = badReviewDeadline({
            importedOn,
            workingDays,
            calendar: context.calendar,
          });
          const [serviceItem, comments] =
            BAD_REVIEW_COMMENTS[integerBetween(random, 0, BAD_REVIEW_COMMENTS.length - 1)];
          const head = `head-${county.code}`;
          const item: BadReviewHistory = {
            period,
            agencyCode: county.code,
            ratingId: `HCP${period.replace('-', '')}${county.code}${String(n).padStart(3, '0')}`,
            ratedAt,
            channel: CHANNELS[integerBetween(random, 0, CHANNELS.length - 1)],
            level: random() < 0.6 ? 1 : 2,
            serviceItem,
            comment: comments[integerBetween(random, 0, comments.length - 1)],
            deadline,
            createdAt: at(importedOn, 8 * 60 + integerBetween(random, 0, 50)),
            verification: null,
            resolution: null,
            appeal: null,
            ruling: null,
          };
          // Past their deadline most cases were handled in time, some were left; recent ones are under way.
          const fate = random();
          const handled = deadline < context.today ? fate < 0.78 : fate < 0.3;
          const verified = handled || (deadline < context.today ? fate < 0.88 : fate < 0.6);
          const verifiedOn = context.calendar.addWorkingDays(
            importedOn,
            integerBetween(random, 1, 4),
          );
          const resolvedOn = earliest(
            context.calendar.addWorkingDays(verifiedOn, integerBetween(random, 1, 5)),
            deadline,
          );
          if (verified && at(verifiedOn, 10 * 60) < context.now)
            item.verification = {
              by: head,
              at: at(verifiedOn, integerBetween(random, 9 * 60, 11 * 60 + 30)),
              note: pick(random, BAD_REVIEW_VERIFY_NOTES),
            };
          if (handled && item.verification && at(resolvedOn, 17 * 60) < context.now) {
            const rectified = random() < 0.6;
            item.resolution = {
              by: head,
              at: at(resolvedOn, integerBetween(random, 14 * 60, 17 * 60)),
              note: pick(random, rectified ? BAD_REVIEW_RECTIFIED : BAD_REVIEW_EXPLAINED),
              outcome: rectified ? 'rectified' : 'explained',
            };
          }
          cases.push(item);
        }
      }
    }
    // One case of an older month turned out not to be the agency's: appealed by its head and voided.
    const voided = cases.find(
      (item) => item.deadline < context.today && item.resolution === null && item.level === 1,
    );
    if (voided) {
      const appealedOn = context.calendar.addWorkingDays(dayOf(voided.createdAt), 2);
      voided.appeal = {
        by: `head-${voided.agencyCode}`,
        at: at(appealedOn, 9 * 60 + 40),
        note: BAD_REVIEW_APPEAL.reason,
      };
      voided.ruling = {
        by: PUBLISHER.username,
        at: at(context.calendar.addWorkingDays(appealedOn, 2), 15 * 60 + 10),
        note: BAD_REVIEW_APPEAL.ruling,
        void: true,
      };
    }
    return cases;
  }

  /**
   * An appeal of an older month, dismissed with a note (the month stayed published), and one of
   * the newest month still waiting for the province while its window is open.
   */
  private async appeals(
    manager: EntityManager,
    context: SeedContext,
    publications: DemoPublication[],
  ): Promise<void> {
    const older = publications[publications.length - 3];
    const newest = publications[publications.length - 1];
    if (older) {
      const publishedOn = dayOf(older.publishedAt);
      const raisedOn = context.calendar.addWorkingDays(publishedOn, 1);
      await this.history.insertAppeal(manager, {
        ...APPEAL_DISMISSED,
        period: older.period,
        deadline: await this.appealWindow.deadlineOf(manager, older.period, publishedOn),
        createdBy: `head-${APPEAL_DISMISSED.agencyCode}`,
        createdAt: at(raisedOn, 10 * 60 + 20),
        resolution: {
          upheld: false,
          by: PUBLISHER.username,
          at: at(context.calendar.addWorkingDays(raisedOn, 2), 16 * 60 + 5),
          note: APPEAL_DISMISSED.note,
        },
      });
    }
    const deadline = await this.appealWindow.deadlineOf(
      manager,
      newest.period,
      dayOf(newest.publishedAt),
    );
    if (context.today <= deadline) {
      const since = newest.publishedAt.getTime();
      await this.history.insertAppeal(manager, {
        ...APPEAL_PENDING,
        period: newest.period,
        deadline,
        createdBy: `head-${APPEAL_PENDING.agencyCode}`,
        createdAt: new Date(since + Math.round((context.now.getTime() - since) * 0.6)),
        resolution: null,
      });
    }
  }

  /** The province calendar from the first published month's year to next year. */
  private async calendarAround(
    manager: EntityManager,
    first: string,
    now: Date,
  ): Promise<WorkingCalendar> {
    await this.calendar.hold(manager);
    return workingCalendar(
      await this.calendar.findYears(periodYear(first), periodYear(dayOf(now)) + 1, manager),
    );
  }
}

interface SeedContext {
  now: Date;
  today: string;
  calendar: WorkingCalendar;
  parentOf: Map<string, string | null>;
  levelOf: Map<string, string>;
  publishedAt: Map<string, Date>;
}

/**
 * What became of each item: past its deadline most were answered and accepted in time, a few were
 * sent back, left awaiting the city, or never answered (overdue); those still running (the newest
 * month's) are partly answered and awaiting the city, the rest still open.
 */
type RaisedItem = Awaited<ReturnType<FollowUpHistoryRepository['rectifications']>>[number];

function rectificationHistory(
  items: RaisedItem[],
  spotChecks: Map<string, Date>,
  context: SeedContext,
): RectificationHistory[] {
  const result: RectificationHistory[] = [];
  const sequence = new Map<string, number>();
  // In order of month, agency, source and indicator, as the repository answers.
  for (const item of items) {
    const index = sequence.get(item.period) ?? 0;
    sequence.set(item.period, index + 1);
    const publishedAt = context.publishedAt.get(item.period);
    if (!publishedAt) continue;
    const random = randomFor(
      `rectification/${item.period}/${item.agencyCode}/${item.indicatorCode ?? ''}`,
    );
    const createdAt = spotChecks.get(item.id) ?? publishedAt;
    const raisedOn = dayOf(createdAt);
    const head =
      context.levelOf.get(item.agencyCode) === 'province'
        ? PUBLISHER.username
        : `head-${item.agencyCode}`;
    const parent = context.parentOf.get(item.agencyCode) ?? null;
    const verifier =
      parent !== null && context.levelOf.get(parent) === 'city'
        ? `city-${parent}`
        : PUBLISHER.username;
    const answer = RECTIFICATION_ANSWERS[item.indicatorCode ?? ''] ?? RECTIFICATION_ANSWERS[''];
    const response = (on: string) => ({
      cause: answer.cause,
      measures: answer.measures,
      by: head,
      at: at(on, integerBetween(random, 9 * 60, 17 * 60)),
    });
    if (item.deadline >= context.today) {
      // Still running: every fourth answered already (earlier than now), awaiting the city.
      const answeredAt = new Date(
        createdAt.getTime() +
          Math.round((context.now.getTime() - createdAt.getTime()) * (0.3 + 0.5 * random())),
      );
      result.push({
        id: item.id,
        createdAt,
        response: index % 4 === 1 ? { ...response(dayOf(answeredAt)), at: answeredAt } : null,
        verification: null,
      });
      continue;
    }
    const respondedOn = earliest(
      context.calendar.addWorkingDays(raisedOn, integerBetween(random, 2, 7)),
      item.deadline,
    );
    const verifiedOn = earliest(
      context.calendar.addWorkingDays(respondedOn, integerBetween(random, 1, 3)),
      item.deadline,
    );
    const fate = index % 10;
    if (fate === 3) {
      result.push({ id: item.id, createdAt, response: null, verification: null });
    } else if (fate === 7) {
      result.push({ id: item.id, createdAt, response: response(respondedOn), verification: null });
    } else if (fate === 5) {
      result.push({
        id: item.id,
        createdAt,
        response: response(respondedOn),
        verification: {
          accepted: false,
          by: verifier,
          at: at(verifiedOn, 16 * 60),
          note: SENT_BACK_NOTE,
        },
      });
    } else {
      result.push({
        id: item.id,
        createdAt,
        response: response(respondedOn),
        verification: {
          accepted: true,
          by: verifier,
          at: at(verifiedOn, integerBetween(random, 14 * 60, 17 * 60 + 30)),
          note: pick(random, ACCEPTED_NOTES),
        },
      });
    }
  }
  return result;
}

/** A Shanghai day and minute of the day as an instant. */
function at(day: string, minuteOfDay: number): Date {
  const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
  const mm = String(minuteOfDay % 60).padStart(2, '0');
  return new Date(`${day}T${hh}:${mm}:00+08:00`);
}

/** The later of the first two days, but never after `cap`. */
function latest(a: string, b: string, cap: string): string {
  return earliest(a > b ? a : b, cap);
}

function earliest(a: string, b: string): string {
  return a < b ? a : b;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[integerBetween(random, 0, items.length - 1)];
}
