import type { JobDto } from '@scorecard/contracts';
import { describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { useJobPolling } from './useJobPolling';

function job(state: JobDto['state'], progress: number): JobDto<{ rows: number }> {
  return {
    id: 'j1',
    name: 'import',
    state,
    progress,
    result: state === 'completed' ? { rows: 3 } : null,
    failedReason: null,
  };
}

describe('useJobPolling', () => {
  it('follows the progress until the job completes', async () => {
    vi.useFakeTimers();
    const answers = [job('waiting', 0), job('active', 40), job('completed', 100)];
    const fetchJob = vi.fn(() => Promise.resolve(answers.shift() ?? job('completed', 100)));
    const scope = effectScope();
    const polling = scope.run(() => useJobPolling(fetchJob, 500));
    if (!polling) throw new Error('no scope');
    const done = polling.start('j1');
    await vi.advanceTimersByTimeAsync(0);
    expect(polling.job.value?.state).toBe('waiting');
    await vi.advanceTimersByTimeAsync(500);
    expect(polling.job.value?.progress).toBe(40);
    await vi.advanceTimersByTimeAsync(500);
    await expect(done).resolves.toMatchObject({ state: 'completed', result: { rows: 3 } });
    expect(polling.polling.value).toBe(false);
    expect(fetchJob).toHaveBeenCalledTimes(3);
    scope.stop();
    vi.useRealTimers();
  });

  it('reports a failed poll', async () => {
    const scope = effectScope();
    const polling = scope.run(() => useJobPolling(() => Promise.reject(new Error('boom'))));
    if (!polling) throw new Error('no scope');
    await expect(polling.start('j1')).rejects.toThrow('boom');
    expect(polling.error.value).toBeInstanceOf(Error);
    scope.stop();
  });
});
