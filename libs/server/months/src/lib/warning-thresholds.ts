import type { WarningThresholds } from '@scorecard/scoring';
import { DEFAULT_WARNING_THRESHOLDS } from './default-scheme';

/**
 * The warning thresholds in force for `period`. The scheme of the period's year will say them
 * (`warnings`); until the scheme carries them, every year has the defaults. The one place that
 * answers them.
 */
export async function warningThresholdsFor(_period: string): Promise<WarningThresholds> {
  return { ...DEFAULT_WARNING_THRESHOLDS };
}
