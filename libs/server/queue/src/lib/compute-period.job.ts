/** Payload of {@link JobName.ComputePeriod}: ids only, never rows. */
export interface ComputePeriodJobData {
  period: string;
  /** The month's data revision the job was queued for; a run that finds it already computed skips. */
  revision: number;
}

/**
 * One job per month and data revision: asking twice for the same data collapses onto one job,
 * while a change made during a run gets a job of its own.
 */
export function computePeriodJobId(data: ComputePeriodJobData): string {
  return `compute-${data.period}-r${data.revision}`;
}
