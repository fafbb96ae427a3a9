import { computeComposite } from './composite';
import { Ratio } from './ratio';

export interface DimensionItem {
  dimension: string;
  weight: number;
  /** Indicator score 0–100; null when not applicable this month. */
  score: number | null;
}

export interface DimensionSubtotal {
  name: string;
  /** Σ weight of the dimension's indicators, applicable or not. */
  weight: number;
  /** Σ weight × score / Σ weight over its applicable indicators, rounded as the composite; null if none. */
  score: number | null;
}

/**
 * Subtotals per dimension (维度), in the order the dimensions first appear; each is a composite of
 * its own indicators (the same renormalising and rounding as the agency's composite).
 */
export function subtotalDimensions(items: readonly DimensionItem[]): DimensionSubtotal[] {
  const groups = new Map<string, DimensionItem[]>();
  for (const item of items) {
    const group = groups.get(item.dimension) ?? [];
    group.push(item);
    groups.set(item.dimension, group);
  }
  return [...groups].map(([name, group]) => {
    const composite = computeComposite(
      group.map(({ weight, score }) => ({
        weight,
        score: score === null ? null : Ratio.fromNumber(score),
      })),
    );
    return {
      name,
      weight: group.reduce((sum, item) => sum + item.weight, 0),
      score: composite === null ? null : composite.rounded,
    };
  });
}
