import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Queue } from 'bullmq';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { QueueName } from '@scorecard/server-queue';
import { Public } from '../common/public.decorator';

type ServiceState = 'up' | 'down';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Aggregate) private readonly queue: Queue,
  ) {}

  /** `{status, db, redis}`; 503, with the same body, when either dependency is down. */
  @Public()
  @Get()
  async check(
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ status: 'ok' | 'error'; db: ServiceState; redis: ServiceState }> {
    const [db, redis] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.queue.getJobCounts('waiting')),
    ]);
    const body = {
      status: db === 'up' && redis === 'up' ? ('ok' as const) : ('error' as const),
      db,
      redis,
    };
    if (body.status !== 'ok') response.status(503);
    return body;
  }
}

async function probe(check: () => Promise<unknown>): Promise<ServiceState> {
  try {
    await withTimeout(check(), 2000);
    return 'up';
  } catch {
    return 'down';
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}
