import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { type ImportFileJobData, importFileJobId } from './import-file.job';
import { JobName, QueueName } from './queue-names';

/** The only caller of `queue.add` for imports. */
@Injectable()
export class ImportFileProducer {
  constructor(@InjectQueue(QueueName.Import) private readonly queue: Queue<ImportFileJobData>) {}

  async enqueue(data: ImportFileJobData): Promise<string> {
    const jobId = importFileJobId(data.importId);
    await this.queue.add(JobName.ImportFile, data, { jobId });
    return jobId;
  }
}
