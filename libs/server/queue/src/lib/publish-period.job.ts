/** Payload of {@link JobName.PublishPeriod}: the month, the version it is to become, and who asked. */
export interface PublishPeriodJobData {
  period: string;
  version: number;
  actor: { username: string; role: string | null; agencyCode: string | null; requestId: string | null };
  /** One province's part of a national month (its agency code); absent for the whole month. */
  province?: string | null;
  /** The national month published before every province's part is: the national admin's reason. */
  forceReason?: string | null;
}

/** Asking twice to publish the same version of a month (or of a province's part) finds the same job. */
export function publishPeriodJobId(data: Pick<PublishPeriodJobData, 'period' | 'version' | 'province' | 'forceReason'>): string {
  const part = data.province ? `-${data.province}` : data.forceReason ? '-nation' : '';
  return `publish-${data.period}${part}-v${data.version}`;
}
