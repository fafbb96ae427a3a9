import type { EntityManager } from 'typeorm';
import { dueDateOf } from '@scorecard/scoring';
import type { PeriodLifecycleRepository, SchemeRepository, TransactionRunner } from '@scorecard/server-database';
import { DEFAULT_DUE_DAY } from './default-scheme';
import { PeriodScheduleService } from './period-schedule.service';

/** The calendar steps with every repository mocked: no database, only what the service decides. */
describe('PeriodScheduleService', () => {
  const manager = {} as EntityManager;
  const transactions = { run: jest.fn((work: (m: EntityManager) => Promise<unknown>) => work(manager)) };
  const schemes = { findForYear: jest.fn() };
  const lifecycle = {
    openIfAbsent: jest.fn(),
    recordEvent: jest.fn(),
    openPastDue: jest.fn(),
    remindMissing: jest.fn(),
  };
  const service = new PeriodScheduleService(
    transactions as unknown as TransactionRunner,
    schemes as unknown as SchemeRepository,
    lifecycle as unknown as PeriodLifecycleRepository,
  );

  beforeEach(() => jest.clearAllMocks());

  it.each<[string, { dueDay: number } | null, string]>([
    // 30 November 16:05 UTC is already 1 December in Shanghai: November has ended.
    ['2026-11-30T16:05:00Z', { dueDay: 10 }, '2026-12-10'],
    ['2026-12-01T09:00:00+08:00', null, dueDateOf('2026-11', DEFAULT_DUE_DAY)],
    ['2027-01-01T00:10:00+08:00', { dueDay: 15 }, '2027-01-15'],
  ])('at %p opens the month that has ended, due on the scheme’s day (%p) → %p', async (now, scheme, dueDate) => {
    schemes.findForYear.mockResolvedValue(scheme);
    lifecycle.openIfAbsent.mockResolvedValue(true);
    const period = await service.openEndedMonth(new Date(now));
    expect(lifecycle.openIfAbsent).toHaveBeenCalledWith(manager, period, dueDate);
    expect(lifecycle.recordEvent).toHaveBeenCalledWith(manager, { period, action: 'open', actor: 'system' });
  });

  it('records nothing when the month was already open', async () => {
    schemes.findForYear.mockResolvedValue({ dueDay: 5 });
    lifecycle.openIfAbsent.mockResolvedValue(false);
    expect(await service.openEndedMonth(new Date('2026-12-02T09:00:00+08:00'))).toBeNull();
    expect(lifecycle.recordEvent).not.toHaveBeenCalled();
  });

  it('reminds each open month past due in its own transaction, asking with the Shanghai day', async () => {
    lifecycle.openPastDue.mockResolvedValue(['2026-09', '2026-10']);
    lifecycle.remindMissing.mockImplementation(async (_manager: EntityManager, period: string) =>
      period === '2026-09' ? [] : ['330102', '330106'],
    );
    const reminded = await service.remindOverdue(new Date('2026-11-05T16:30:00Z'));
    expect(lifecycle.openPastDue).toHaveBeenCalledWith('2026-11-06');
    expect(transactions.run).toHaveBeenCalledTimes(2);
    expect(reminded).toEqual([
      { period: '2026-09', agencies: [] },
      { period: '2026-10', agencies: ['330102', '330106'] },
    ]);
  });
});
