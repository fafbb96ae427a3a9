import { JobName, type QueueName, QUEUE_OF_JOB, jobsOfQueue } from '@scorecard/server-queue';

/** Runs one job; errors are left to throw so BullMQ retries. */
export type JobHandler<Data = unknown> = (data: Data) => Promise<unknown>;

/** Hands a job to its handler by the job's name. */
export type JobDispatcher<Data = unknown> = (jobName: string, data: Data) => Promise<unknown>;

/**
 * A queue's dispatcher from its handlers by job name. Throws — so the worker does not start — when
 * a job of the queue has no handler, or a handler is given for a job that runs on another queue.
 */
export function handlersForQueue<Data>(
  queue: QueueName,
  handlers: Partial<Record<JobName, JobHandler<Data>>>,
): JobDispatcher<Data> {
  const byJob = new Map<string, JobHandler<Data>>();
  for (const job of Object.values(JobName)) {
    const handler = handlers[job];
    if (!handler) continue;
    if (QUEUE_OF_JOB[job] !== queue) throw new Error(`The job ${job} runs on the ${QUEUE_OF_JOB[job]} queue, not ${queue}`);
    byJob.set(job, handler);
  }
  const missing = jobsOfQueue(queue).filter((job) => !byJob.has(job));
  if (missing.length > 0) throw new Error(`No handler for the ${queue} job(s) ${missing.join(', ')}`);
  return async (jobName, data) => {
    const handler = byJob.get(jobName);
    if (!handler) throw new Error(`No handler for job ${jobName}`);
    return handler(data);
  };
}
