/** Payload of {@link JobName.ComputePeriod}: ids only, never rows. */
export interface ComputePeriodJobData {
  period: string;
  /** The month's data revision the job was queued for; a run that finds it already computed skips. */
  revision: number;
}

/** Each month data revision names its job: asking twice for the same data finds the same job. */
export function computePeriodJobId(data: ComputePeriodJobData): string {
  return `compute-${data.period}-r${data.revision}`;
}

/**
 * One computation per month in flight: while one waits, later requests collapse onto it; while one
 * runs, the last request is kept and queued when it ends, so a change made during a run is
 * computed afterwards.
 */
export function computePeriodDeduplicationId(period: string): string {
  return `compute-${period}`;
}
