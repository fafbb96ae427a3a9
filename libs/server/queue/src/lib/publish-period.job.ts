/** Payload of {@link JobName.PublishPeriod}: the month, the version it is to become, and who asked. */
export interface PublishPeriodJobData {
  period: string;
  version: number;
  actor: { username: string; role: string | null; agencyCode: string | null; requestId: string | null };
}

/** Asking twice to publish the same version of a month finds the same job. */
export function publishPeriodJobId(data: Pick<PublishPeriodJobData, 'period' | 'version'>): string {
  return `publish-${data.period}-v${data.version}`;
}
