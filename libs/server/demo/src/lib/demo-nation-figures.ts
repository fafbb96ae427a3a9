import type { AgencyLevel } from '@scorecard/contracts';
import { between, integerBetween, randomFor } from './deterministic-random';

/** One indicator's own (本级) figures, as stored: exact decimals in text. */
export interface DemoFigure {
  indicatorCode: string;
  numerator: string;
  denominator: string;
}

/** How much bigger a province's or a city's own caseload is than a county's. */
const SIZE: Record<AgencyLevel, number> = { nation: 3, province: 2, city: 1.4, county: 1 };

/**
 * Synthetic but plausible figures of one agency-month for the national demo, the same on every
 * machine: each agency has a steady quality and each province a slight lean of its own (so the
 * provinces differ as a whole), months add noise; some exceed the expansion task, some had no
 * A-post absence (denominator 0).
 */
export function nationDemoFigures(
  agency: { code: string; level: AgencyLevel },
  period: string,
): DemoFigure[] {
  // Most agencies in the middle, few at the very top: a steady quality in [0.1, 0.9] plus the lean.
  const lean = between(randomFor(`lean/${agency.code.slice(0, 2)}`), -0.08, 0.08);
  const quality = 0.1 + 0.8 * randomFor(`quality/${agency.code}`)() + lean;
  const random = randomFor(`figures/${agency.code}/${period}`);
  const size = SIZE[agency.level];
  const rate = (base: number, spread: number, noise: number, cap = 1) =>
    Math.max(0, Math.min(cap, base + spread * quality + between(random, -noise, noise)));
  const count = (denominator: number, r: number) => String(Math.round(denominator * r));

  const task = Math.round(integerBetween(random, 300, 3000) * size);
  const dueFen = Math.round(between(random, 5e8, 8e9) * size);
  const employers = Math.round(integerBetween(random, 80, 1500) * size);
  const checks = integerBetween(random, 20, 60);
  const absences = random() < 0.15 ? 0 : integerBetween(random, 1, 12);
  const consultations = Math.round(integerBetween(random, 100, 3000) * size);
  const ratings = Math.round(integerBetween(random, 500, 20000) * size);
  return [
    {
      indicatorCode: 'enrollment_expansion',
      numerator: count(task, rate(0.72, 0.38, 0.08, 1.15)),
      denominator: String(task),
    },
    {
      indicatorCode: 'collection',
      numerator: fen(Math.round(dueFen * rate(0.86, 0.13, 0.02))),
      denominator: fen(dueFen),
    },
    {
      indicatorCode: 'annual_inspection',
      numerator: count(employers, rate(0.72, 0.28, 0.05)),
      denominator: String(employers),
    },
    {
      indicatorCode: 'first_inquiry',
      numerator: count(checks, rate(0.78, 0.22, 0.05)),
      denominator: String(checks),
    },
    {
      indicatorCode: 'ab_post',
      numerator: count(absences, rate(0.75, 0.25, 0.1)),
      denominator: String(absences),
    },
    {
      indicatorCode: 'online_reply',
      numerator: count(consultations, rate(0.68, 0.3, 0.05)),
      denominator: String(consultations),
    },
    {
      indicatorCode: 'satisfaction',
      numerator: count(ratings, rate(0.8, 0.18, 0.03)),
      denominator: String(ratings),
    },
  ];
}

function fen(amount: number): string {
  return `${Math.floor(amount / 100)}.${String(amount % 100).padStart(2, '0')}`;
}
