import { onScopeDispose, ref, shallowRef, type Ref, watch, type WatchSource } from 'vue';
import { isAbortError } from './http';

/**
 * Loads data whenever `key` changes (a string built from the inputs); a newer load cancels the
 * one in flight, so a slow answer never overwrites a newer one. A null key means "nothing to load".
 */
export function useAsyncData<T>(
  key: WatchSource<string | null>,
  loader: (signal: AbortSignal) => Promise<T>,
) {
  const data = shallowRef<T | null>(null) as Ref<T | null>;
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  let controller: AbortController | null = null;
  let currentKey: string | null = null;

  async function load(): Promise<void> {
    controller?.abort();
    if (currentKey === null) {
      loading.value = false;
      return;
    }
    const current = new AbortController();
    controller = current;
    loading.value = true;
    error.value = null;
    try {
      const result = await loader(current.signal);
      if (controller === current) data.value = result;
    } catch (e) {
      if (controller !== current || isAbortError(e)) return;
      data.value = null;
      error.value = e;
    } finally {
      if (controller === current) {
        loading.value = false;
        controller = null;
      }
    }
  }

  watch(
    key,
    (next) => {
      currentKey = next;
      void load();
    },
    { immediate: true },
  );
  onScopeDispose(() => controller?.abort());

  return { data, loading, error, reload: load };
}
