import { JobName, QueueName, jobsOfQueue } from '@scorecard/server-queue';
import { type JobHandler, handlersForQueue } from './job-handlers';

const answer = (job: JobName): JobHandler => async () => job;

describe('handlersForQueue', () => {
  it('knows which jobs run on each queue', () => {
    expect(jobsOfQueue(QueueName.Schedule)).toEqual([JobName.OpenEndedMonth, JobName.RemindOverdue, JobName.ConfirmStars]);
    expect(jobsOfQueue(QueueName.Aggregate)).toEqual([JobName.ComputePeriod, JobName.PublishPeriod]);
    expect(jobsOfQueue(QueueName.Import)).toEqual([JobName.ImportFile]);
  });

  it('hands each job of the queue to its handler, and refuses a job it does not know', async () => {
    const dispatch = handlersForQueue(QueueName.Schedule, {
      [JobName.OpenEndedMonth]: answer(JobName.OpenEndedMonth),
      [JobName.RemindOverdue]: answer(JobName.RemindOverdue),
      [JobName.ConfirmStars]: answer(JobName.ConfirmStars),
    });
    for (const job of jobsOfQueue(QueueName.Schedule)) expect(await dispatch(job, undefined)).toBe(job);
    await expect(dispatch('compute-period', undefined)).rejects.toThrow('No handler for job compute-period');
  });

  it('refuses to start when a job of the queue has no handler', () => {
    expect(() => handlersForQueue(QueueName.Schedule, { [JobName.OpenEndedMonth]: answer(JobName.OpenEndedMonth) })).toThrow(
      'No handler for the schedule job(s) remind-overdue, confirm-stars',
    );
  });

  it('refuses a handler for a job of another queue', () => {
    expect(() =>
      handlersForQueue(QueueName.Aggregate, {
        [JobName.ComputePeriod]: answer(JobName.ComputePeriod),
        [JobName.PublishPeriod]: answer(JobName.PublishPeriod),
        [JobName.ImportFile]: answer(JobName.ImportFile),
      }),
    ).toThrow('The job import-file runs on the import queue, not aggregate');
  });
});
