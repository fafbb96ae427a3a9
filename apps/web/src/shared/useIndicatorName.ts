import type { IndicatorDto } from '@scorecard/contracts';
import { useI18n } from 'vue-i18n';

/** An indicator's name in the interface language (the Chinese name unless English is chosen). */
export function useIndicatorName(): (indicator: Pick<IndicatorDto, 'nameEn' | 'nameZh'>) => string {
  const { locale } = useI18n();
  return (indicator) => (locale.value === 'en' ? indicator.nameEn : indicator.nameZh);
}
