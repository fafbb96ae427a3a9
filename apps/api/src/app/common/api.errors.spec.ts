import {
  AuthenticationError,
  ConflictError,
  InvalidInputError,
  LockedOutError,
  NotFoundError,
  OutOfScopeError,
  PeriodNotOpenError,
  ServiceUnavailableError,
  StaleVersionError,
} from './api.errors';

describe('API errors', () => {
  it.each([
    ['InvalidInputError', new InvalidInputError([{ field: 'period', key: 'validation.month' }])],
    ['NotFoundError', new NotFoundError('period.notFound', { period: '2026-13' })],
    ['OutOfScopeError', new OutOfScopeError()],
    ['StaleVersionError', new StaleVersionError(3)],
    ['PeriodNotOpenError', new PeriodNotOpenError('2026-10', 'locked')],
    ['AuthenticationError', new AuthenticationError()],
    ['LockedOutError', new LockedOutError(new Date('2026-11-26T12:00:00Z'))],
    ['ConflictError', new ConflictError('star.alreadySelected', { period: '2026-10' })],
    ['ServiceUnavailableError', new ServiceUnavailableError()],
  ] as const)('%s stays an Error named after its class', (name, error) => {
    expect(error.name).toBe(name);
    expect(error).toBeInstanceOf(Error);
  });

  it('keeps English messages for the logs', () => {
    expect(
      new InvalidInputError([
        { field: 'a', key: 'field.unknown' },
        { field: 'b', key: 'amount.negative' },
      ]).message,
    ).toBe('a: is not a known field; b: must not be negative');
    expect(new OutOfScopeError().message).toBe('This agency is outside your scope');
    expect(new AuthenticationError().message).toBe('Wrong username or password');
    expect(new PeriodNotOpenError('2026-10', 'locked').message).toBe(
      'Period 2026-10 is locked: figures can only be changed while it is open',
    );
  });

  it('words each error in the language asked for, states and dates included', () => {
    expect(new PeriodNotOpenError('2026-10', 'unopened').textIn('zh-CN')).toBe(
      '2026-10 尚未开放：只有采集中的月份可以修改数据',
    );
    expect(new PeriodNotOpenError('2026-10', 'unopened').textIn('en')).toBe(
      'Period 2026-10 is not open yet: figures can only be changed while it is open',
    );
    expect(new LockedOutError(new Date('2026-11-26T12:00:00Z')).textIn('zh-CN')).toContain(
      '已锁定至 2026-11-26 20:00。',
    );
    expect(new LockedOutError(new Date('2026-11-26T12:00:00Z')).textIn('en')).toContain(
      'locked until 2026-11-26T12:00:00.000Z.',
    );
    expect(OutOfScopeError.denied('period.manage').textIn('zh-CN')).toBe('只有省级中心可以管理月份');
    expect(OutOfScopeError.denied('period.manage').messageKey).toBe('access.denied.period.manage');
    expect(
      new InvalidInputError([{ field: 'values.x.numerator', key: 'amount.negative' }]).errorsIn(
        'zh-CN',
      ),
    ).toEqual([{ field: 'values.x.numerator', message: '不能为负数' }]);
  });
});
