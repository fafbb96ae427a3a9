import { hasPermission } from '@scorecard/access';
import { computed, type ComputedRef } from 'vue';
import { useAsyncData } from '../../shared/useAsyncData';
import { useAuthStore } from '../auth/useAuthStore';
import { fetchWarnings } from './appeals.api';
import { type WarningBadge, warningBadges } from './warning-badges';

/**
 * The warning badges of a month's league rows (约谈, 进步) in the user's scope; none for a window
 * (quarter, year) or for users who do not read warnings. A failed load shows no badges.
 */
export function useWarningBadges(
  period: () => string | null | undefined,
): ComputedRef<Record<string, WarningBadge>> {
  const auth = useAuthStore();
  const month = (): string | null => {
    const value = period();
    return value &&
      /^[0-9]{4}-[0-9]{2}$/.test(value) &&
      auth.user &&
      hasPermission(auth.user, 'warning.read')
      ? value
      : null;
  };
  const warnings = useAsyncData(month, (signal) =>
    fetchWarnings(month() as string, signal).catch(() => []),
  );
  return computed(() => (month() === null ? {} : warningBadges(warnings.data.value ?? [])));
}
