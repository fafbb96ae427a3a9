import type { WarningDto } from '@scorecard/contracts';
import { describe, expect, it } from 'vitest';
import { warningBadges } from './warning-badges';

const warning = (agencyCode: string, rule: WarningDto['rule']): WarningDto => ({
  agencyCode,
  agencyName: agencyCode,
  rule,
  indicatorCode: null,
  months: 3,
  since: '2026-08',
  talk: null,
});

describe('warningBadges', () => {
  it('marks a warned agency 约谈 and an improving one 进步, a warning outweighing an improvement', () => {
    expect(
      warningBadges([
        warning('330102', 'improving_streak'),
        warning('330102', 'fail_streak'),
        warning('330105', 'improving_streak'),
        warning('330106', 'below_floor_streak'),
      ]),
    ).toEqual({ '330102': 'talk', '330105': 'improving', '330106': 'talk' });
    expect(warningBadges([])).toEqual({});
  });
});
