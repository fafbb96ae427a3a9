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
    [new InvalidInputError([{ field: 'period', key: 'validation.month' }]), 'InvalidInputError'],
    [new NotFoundError('period.notFound', { period: '2026-13' }), 'NotFoundError'],
    [new OutOfScopeError(), 'OutOfScopeError'],
    [new StaleVersionError(3), 'StaleVersionError'],
    [new PeriodNotOpenError('2026-10', 'locked'), 'PeriodNotOpenError'],
    [new AuthenticationError(), 'AuthenticationError'],
    [new LockedOutError(new Date('2026-11-26T12:00:00Z')), 'LockedOutError'],
    [new ConflictError('star.alreadySelected', { period: '2026-10' }), 'ConflictError'],
    [new ServiceUnavailableError(), 'ServiceUnavailableError'],
  ])('%s is named %s and stays an Error', (error, name) => {
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
      '2026/11/26 20:00',
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
