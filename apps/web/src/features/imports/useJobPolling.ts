import type { JobDto } from '@scorecard/contracts';
import { onScopeDispose, ref, shallowRef } from 'vue';

/**
 * Polls a queued job until it completes or fails; `job` holds the latest answer (state and
 * progress 0–100). Stops when the component goes away.
 */
export function useJobPolling<T>(fetchJob: (id: string) => Promise<JobDto<T>>, intervalMs = 1000) {
  const job = shallowRef<JobDto<T> | null>(null);
  const polling = ref(false);
  const error = shallowRef<unknown>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  function stop(): void {
    generation += 1;
    clearTimeout(timer);
    polling.value = false;
  }

  function start(id: string): Promise<JobDto<T>> {
    stop();
    const mine = generation;
    polling.value = true;
    error.value = null;
    job.value = null;
    return new Promise((resolve, reject) => {
      const tick = async (): Promise<void> => {
        try {
          const answer = await fetchJob(id);
          if (mine !== generation) return;
          job.value = answer;
          if (answer.state === 'completed' || answer.state === 'failed') {
            polling.value = false;
            resolve(answer);
            return;
          }
          timer = setTimeout(() => void tick(), intervalMs);
        } catch (e) {
          if (mine !== generation) return;
          polling.value = false;
          error.value = e;
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      };
      void tick();
    });
  }

  onScopeDispose(stop);
  return { job, polling, error, start, stop };
}
