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
    [new InvalidInputError([{ field: 'period', message: 'is not a month' }]), 'InvalidInputError'],
    [new NotFoundError('Period 2026-13 does not exist'), 'NotFoundError'],
    [new OutOfScopeError(), 'OutOfScopeError'],
    [new StaleVersionError(3), 'StaleVersionError'],
    [new PeriodNotOpenError('2026-10', 'locked'), 'PeriodNotOpenError'],
    [new AuthenticationError(), 'AuthenticationError'],
    [new LockedOutError(new Date('2026-11-26T12:00:00Z')), 'LockedOutError'],
    [new ConflictError('already selected'), 'ConflictError'],
    [new ServiceUnavailableError(), 'ServiceUnavailableError'],
  ])('%s is named %s and stays an Error', (error, name) => {
    expect(error.name).toBe(name);
    expect(error).toBeInstanceOf(Error);
  });

  it('keeps the messages callers see', () => {
    expect(
      new InvalidInputError([
        { field: 'a', message: 'x' },
        { field: 'b', message: 'y' },
      ]).message,
    ).toBe('a: x; b: y');
    expect(new OutOfScopeError().message).toBe('This agency is outside your scope');
    expect(new AuthenticationError().message).toBe('Wrong username or password');
    expect(new PeriodNotOpenError('2026-10', 'locked').message).toBe(
      'Period 2026-10 is locked: figures can only be changed while it is open',
    );
  });
});
