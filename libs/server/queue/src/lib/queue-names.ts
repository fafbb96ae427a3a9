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
}
