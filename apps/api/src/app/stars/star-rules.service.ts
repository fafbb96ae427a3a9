import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { StarRulesDto } from '@scorecard/contracts';
import {
  AuditLogRepository,
  StarRepository,
  type StarRules,
  TransactionRunner,
} from '@scorecard/server-database';
import { DEFAULT_STAR_COOLDOWN_MONTHS, DEFAULT_STAR_WEIGHTS } from '@scorecard/scoring';
import { InvalidInputError, NotFoundError } from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import type { PutStarRulesDto } from './star.dto';

const DEFAULT_PUBLICITY_DAYS = 5;

/** A year's star rules (weights, cooldown, publicity days), kept with that year's scheme. */
@Injectable()
export class StarRulesService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly stars: StarRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  /** The year's rules, or the defaults of seed 000 when the year has none of its own. */
  async forYear(year: number, manager?: EntityManager): Promise<StarRules> {
    return (
      (await this.stars.findRules(year, manager)) ?? {
        year,
        weights: { ...DEFAULT_STAR_WEIGHTS },
        cooldownMonths: DEFAULT_STAR_COOLDOWN_MONTHS,
        publicityDays: DEFAULT_PUBLICITY_DAYS,
      }
    );
  }

  async put(caller: AuthenticatedUser, year: number, body: PutStarRulesDto): Promise<StarRulesDto> {
    const { work, peer, leader, attendance } = body.weights;
    if (work + peer + leader + attendance <= 0) {
      throw new InvalidInputError([{ field: 'weights', key: 'field.weightsAllZero' }]);
    }
    return this.transactions.run(async (manager) => {
      const before = await this.stars.findRules(year, manager);
      const rules: StarRules = {
        year,
        weights: { work, peer, leader, attendance },
        cooldownMonths: body.cooldownMonths,
        publicityDays: body.publicityDays,
      };
      if (!before || before.year !== year || !(await this.stars.updateRules(manager, rules))) {
        throw new NotFoundError('star.noSchemeForRules', { year: String(year) });
      }
      await this.audit.recordAction(
        manager,
        caller,
        'star.rules',
        `scheme/${year}/stars`,
        before,
        rules,
      );
      return rules;
    });
  }
}
