export const JOB_STATES = ['waiting', 'active', 'completed', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** GET /api/jobs/:id */
export interface JobDto<TResult = unknown> {
  id: string;
  name: string;
  state: JobState;
  /** 0–100. */
  progress: number;
  result: TResult | null;
  failedReason: string | null;
}

/** 202 answer of calls that enqueue work. */
export interface JobAcceptedDto {
  jobId: string;
}

export interface ComputeJobResult {
  period: string;
  agencies: number;
  resultRows: number;
  reported: number;
}
