import { onScopeDispose, ref } from 'vue';

/** Phones (390 px) and narrow windows: where charts fold their labels and tables tighten. */
export const NARROW_QUERY = '(max-width: 600px)';

/** Whether the window is narrow now, kept up to date as it is resized or turned. */
export function useNarrowScreen() {
  const media =
    typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(NARROW_QUERY) : null;
  const narrow = ref(media?.matches ?? false);
  const onChange = (event: MediaQueryListEvent) => (narrow.value = event.matches);
  media?.addEventListener('change', onChange);
  onScopeDispose(() => media?.removeEventListener('change', onChange));
  return narrow;
}
