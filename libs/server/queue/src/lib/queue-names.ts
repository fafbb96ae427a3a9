export enum QueueName {
  Aggregate = 'aggregate',
  Schedule = 'schedule',
  Import = 'import',
}

export enum JobName {
  ComputePeriod = 'compute-period',
  OpenEndedMonth = 'open-ended-month',
  RemindOverdue = 'remind-overdue',
  ImportFile = 'import-file',
  ConfirmStars = 'confirm-stars',
  PublishPeriod = 'publish-period',
}

/** The queue each job runs on; a new job name does not compile until it is given one. */
export const QUEUE_OF_JOB: Readonly<Record<JobName, QueueName>> = {
  [JobName.ComputePeriod]: QueueName.Aggregate,
  [JobName.OpenEndedMonth]: QueueName.Schedule,
  [JobName.RemindOverdue]: QueueName.Schedule,
  [JobName.ImportFile]: QueueName.Import,
  [JobName.ConfirmStars]: QueueName.Schedule,
  [JobName.PublishPeriod]: QueueName.Aggregate,
};

/** The jobs that run on `queue`, in the order they are declared. */
export function jobsOfQueue(queue: QueueName): JobName[] {
  return Object.values(JobName).filter((job) => QUEUE_OF_JOB[job] === queue);
}
