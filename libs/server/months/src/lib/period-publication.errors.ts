/** A month asked to be published is no longer locked (reopened, or published by someone else). */
export class PeriodNotLockedError extends Error {
  constructor(
    readonly period: string,
    readonly status: string,
  ) {
    super(`Period ${period} is ${status}: lock it before publishing`);
    this.name = 'PeriodNotLockedError';
  }
}

export interface PeriodPublication {
  period: string;
  status: 'published';
  version: number;
  /** True when this version was already published (a repeated run changes nothing). */
  skipped: boolean;
  resultRows: number;
}
