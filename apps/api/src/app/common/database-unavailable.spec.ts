import { QueryFailedError } from 'typeorm';
import { ServiceUnavailableError } from './api.errors';
import { asServiceUnavailable, isDatabaseUnreachable } from './database-unavailable';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('isDatabaseUnreachable', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    [
      'a refused connection to both loopback addresses',
      Object.assign(new AggregateError([withCode('ECONNREFUSED')]), { code: 'ECONNREFUSED' }),
    ],
    ['a connection cut by the server', new Error('Connection terminated unexpectedly')],
    ['no free connection in time', new Error('timeout exceeded when trying to connect')],
    [
      'a server shutting down (57P01)',
      withCode('57P01', 'terminating connection due to administrator command'),
    ],
    ['a server starting up (57P03)', withCode('57P03', 'the database system is starting up')],
    ['a connection exception (08006)', withCode('08006')],
    [
      'a query failed on a dropped connection',
      new QueryFailedError('SELECT 1', [], new Error('Connection terminated')),
    ],
  ])('recognises %s', (_, error) => {
    expect(isDatabaseUnreachable(error)).toBe(true);
    expect(asServiceUnavailable(error)).toBeInstanceOf(ServiceUnavailableError);
  });

  it.each([
    ['a constraint violation', withCode('23505', 'duplicate key value')],
    [
      'a failed query',
      new QueryFailedError('SELECT x', [], withCode('42703', 'column "x" does not exist')),
    ],
    ['a plain error', new Error('boom')],
    ['not an error', 'ECONNREFUSED'],
  ])('leaves %s alone', (_, error) => {
    expect(isDatabaseUnreachable(error)).toBe(false);
    expect(asServiceUnavailable(error)).toBe(error);
  });
});
