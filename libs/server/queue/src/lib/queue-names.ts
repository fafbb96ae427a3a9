export enum QueueName {
  Aggregate = 'aggregate',
}

export enum JobName {
  ComputePeriod = 'compute-period',
}
