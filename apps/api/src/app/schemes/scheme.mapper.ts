import type { SchemeBodyDto, SchemeDto, SchemeVersionDto } from '@scorecard/contracts';
import type {
  NewSchemeVersion,
  Scheme,
  SchemeIndicatorInput,
  SchemeVersionEntity,
} from '@scorecard/server-database';

/** A stored version as the editor reads it: weights, targets and floors as numbers. */
export function toSchemeDto(scheme: Scheme): SchemeDto {
  return {
    year: scheme.year,
    version: scheme.version,
    effectiveFrom: scheme.effectiveFrom,
    reason: scheme.reason,
    dueDay: scheme.dueDay,
    dueOnWorkingDay: scheme.dueOnWorkingDay,
    rectifyWorkingDays: scheme.rectifyWorkingDays,
    appealWorkingDays: scheme.appealWorkingDays,
    badReviewWorkingDays: scheme.badReviewWorkingDays,
    warnings: { ...scheme.warnings },
    grades: scheme.grades.map(({ code, label, min }) => ({ code, label, min: Number(min) })),
    indicators: scheme.indicators.map((indicator) => ({
      code: indicator.code,
      nameZh: indicator.nameZh,
      nameEn: indicator.nameEn,
      dimension: indicator.dimension,
      numeratorLabel: indicator.numeratorLabel,
      denominatorLabel: indicator.denominatorLabel,
      weight: Number(indicator.weight),
      target: Number(indicator.target),
      floor: Number(indicator.floor),
      allowAbove: indicator.allowsOverTarget,
      monetary: indicator.monetary,
    })),
  };
}

export function toSchemeVersionDto(version: SchemeVersionEntity): SchemeVersionDto {
  return {
    version: version.version,
    effectiveFrom: version.effectiveFrom,
    reason: version.reason,
    createdBy: version.createdBy,
    createdAt: version.createdAt.toISOString(),
  };
}

/** The indicators of a body as stored (NUMERIC as exact text). */
export function toIndicatorInputs(body: SchemeBodyDto): SchemeIndicatorInput[] {
  return body.indicators.map((indicator) => ({
    code: indicator.code,
    nameZh: indicator.nameZh.trim(),
    nameEn: indicator.nameEn.trim(),
    dimension: indicator.dimension.trim(),
    numeratorLabel: indicator.numeratorLabel.trim(),
    denominatorLabel: indicator.denominatorLabel.trim(),
    weight: String(indicator.weight),
    target: String(indicator.target),
    floor: String(indicator.floor),
    allowsOverTarget: indicator.allowAbove,
    monetary: indicator.monetary,
  }));
}

/** A checked body as the next version of `year`. */
export function toNewSchemeVersion(
  year: number,
  body: SchemeBodyDto,
  createdBy: string,
): NewSchemeVersion {
  return {
    year,
    effectiveFrom: body.effectiveFrom,
    reason: body.reason.trim(),
    createdBy,
    dueDay: body.dueDay,
    dueOnWorkingDay: body.dueOnWorkingDay,
    rectifyWorkingDays: body.rectifyWorkingDays,
    appealWorkingDays: body.appealWorkingDays,
    badReviewWorkingDays: body.badReviewWorkingDays,
    warnings: {
      failMonths: body.warnings.failMonths,
      lastMonths: body.warnings.lastMonths,
      belowFloorMonths: body.warnings.belowFloorMonths,
      improvingMonths: body.warnings.improvingMonths,
    },
    grades: body.grades.map(({ code, label, min }) => ({ code, label: label.trim(), min })),
    indicators: toIndicatorInputs(body),
  };
}
