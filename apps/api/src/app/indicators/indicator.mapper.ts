import type { IndicatorDto } from '@scorecard/contracts';
import type { SchemeIndicatorEntity } from '@scorecard/server-database';

/** Weights, targets and floors travel as numbers (fractions for the rates). */
export function toIndicatorDto(indicator: SchemeIndicatorEntity): IndicatorDto {
  return {
    code: indicator.code,
    nameZh: indicator.nameZh,
    nameEn: indicator.nameEn,
    dimension: indicator.dimension,
    numeratorLabel: indicator.numeratorLabel,
    denominatorLabel: indicator.denominatorLabel,
    weight: Number(indicator.weight),
    target: Number(indicator.target),
    floor: Number(indicator.floor),
    allowsOverTarget: indicator.allowsOverTarget,
    monetary: indicator.monetary,
    sortOrder: indicator.sortOrder,
  };
}
