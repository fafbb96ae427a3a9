import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type PeriodEntity, PeriodRepository } from '@scorecard/server-database';
import { NotFoundError } from './api.errors';

/** A month named in a request: it exists, or the answer is 404. */
@Injectable()
export class PeriodLookupService {
  constructor(private readonly periods: PeriodRepository) {}

  async existing(period: string, manager?: EntityManager): Promise<PeriodEntity> {
    return this.orNotFound(period, await this.periods.find(period, manager));
  }

  /** The month, held for the rest of the caller's transaction. */
  async lock(manager: EntityManager, period: string): Promise<PeriodEntity> {
    return this.orNotFound(period, await this.periods.findForUpdate(manager, period));
  }

  private orNotFound(period: string, month: PeriodEntity | null): PeriodEntity {
    if (!month) throw new NotFoundError('period.notFound', { period });
    return month;
  }
}
