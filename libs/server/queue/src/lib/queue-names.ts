export enum QueueName {
  Aggregate = 'aggregate',
  Schedule = 'schedule',
}

export enum JobName {
  ComputePeriod = 'compute-period',
  OpenEndedMonth = 'open-ended-month',
  RemindOverdue = 'remind-overdue',
}
