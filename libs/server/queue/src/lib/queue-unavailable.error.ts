/** Redis did not answer in time: the queue cannot say or take anything now; the caller may retry. */
export class QueueUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('The job queue is not reachable; try again shortly', { cause });
    this.name = 'QueueUnavailableError';
  }
}
