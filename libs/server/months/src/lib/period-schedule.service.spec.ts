import type { EntityManager } from 'typeorm';
import type { PeriodLifecycleRepository, TransactionRunner } from '@scorecard/server-database';
import type { MonthDueDateService } from './month-due-date.service';
import { PeriodScheduleService } from './period-schedule.service';

/** The calendar steps with every repository mocked: no database, only what the service decides. */
describe('PeriodScheduleService', () => {
  const manager = {} as EntityManager;
  const transactions = { run: jest.fn((work: (m: EntityManager) => Promise<unknown>) => work(manager)) };
  const dueDates = { dueDateOf: jest.fn() };
  const lifecycle = {
    openIfAbsent: jest.fn(),
    recordEvent: jest.fn(),
    openPastDue: jest.fn(),
    remindMissing: jest.fn(),
  };
  const service = new PeriodScheduleService(
    transactions as unknown as TransactionRunner,
    dueDates as unknown as MonthDueDateService,
    lifecycle as unknown as PeriodLifecycleRepository,
  );

  beforeEach(() => jest.clearAllMocks());

  it.each<[string, string]>([
    // 30 November 16:05 UTC is already 1 December in Shanghai: November has ended.
    ['2026-11-30T16:05:00Z', '2026-11'],
    ['2026-12-01T09:00:00+08:00', '2026-11'],
    ['2027-01-01T00:10:00+08:00', '2026-12'],
  ])('at %p opens the month that has ended (%p), due when the scheme and the calendar say', async (now, ended) => {
    dueDates.dueDateOf.mockResolvedValue('2099-01-07');
    lifecycle.openIfAbsent.mockResolvedValue(true);
    const period = await service.openEndedMonth(new Date(now));
    expect(period).toBe(ended);
    expect(dueDates.dueDateOf).toHaveBeenCalledWith(manager, ended);
    expect(lifecycle.openIfAbsent).toHaveBeenCalledWith(manager, ended, '2099-01-07');
    expect(lifecycle.recordEvent).toHaveBeenCalledWith(manager, { period, action: 'open', actor: 'system' });
  });

  it('records nothing when the month was already open', async () => {
    dueDates.dueDateOf.mockResolvedValue('2026-12-07');
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
