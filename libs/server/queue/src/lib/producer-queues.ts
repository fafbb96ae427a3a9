import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@scorecard/server-config';
import { DEFAULT_JOB_OPTIONS } from './job-options';
import { QueueName } from './queue-names';
import { QueueUnavailableError } from './queue-unavailable.error';

/** How long a caller waits for Redis before it is told the queue is unavailable. */
export const QUEUE_ANSWER_TIMEOUT_MS = 1500;

/**
 * The queues as producers and readers see them: on a connection that fails fast. Nothing queues
 * commands while Redis is away (`enableOfflineQueue: false`), a paused server is given up on after
 * a short command timeout, and every call is bounded by {@link QUEUE_ANSWER_TIMEOUT_MS} — so a
 * request never hangs on Redis. The processors keep their own patient connections.
 */
@Injectable()
export class ProducerQueues implements OnApplicationShutdown {
  private readonly logger = new Logger(ProducerQueues.name);
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: {
          url: this.config.redisUrl,
          enableOfflineQueue: false,
          commandTimeout: QUEUE_ANSWER_TIMEOUT_MS,
          maxRetriesPerRequest: 1,
        },
        prefix: this.config.queuePrefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      });
      // Outages are answered where they happen; the connection's own complaints are only noted.
      queue.on('error', (error) => this.logger.debug(`Queue ${name}: ${String(error)}`));
      this.queues.set(name, queue);
    }
    return queue;
  }

  /**
   * Runs `operation` against Redis, or throws {@link QueueUnavailableError} when Redis does not
   * answer within {@link QUEUE_ANSWER_TIMEOUT_MS} (stopped, paused or unreachable).
   */
  async promptly<T>(operation: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new QueueUnavailableError()), QUEUE_ANSWER_TIMEOUT_MS);
    });
    const attempt = operation();
    // A late failure of an abandoned attempt is expected, not unhandled.
    attempt.catch(() => undefined);
    try {
      return await Promise.race([attempt, deadline]);
    } catch (error) {
      throw error instanceof QueueUnavailableError ? error : asQueueError(error);
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close().catch(() => undefined)));
    this.queues.clear();
  }
}

/** Connection-level failures become {@link QueueUnavailableError}; anything else stays as it is. */
function asQueueError(error: unknown): unknown {
  const message = error instanceof Error ? error.message : String(error);
  return /Command timed out|enableOfflineQueue|Connection is closed|ECONNREFUSED|ECONNRESET|max retries per request/i.test(
    message,
  )
    ? new QueueUnavailableError(error)
    : error;
}
