import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { type AppLocale, isAppLocale, loadLocaleMessages, LOCALE_STORAGE_KEY } from './index';

/** Applies a language to the document (lang attribute) and remembers it. */
export function persistLocale(locale: AppLocale): void {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
  document.documentElement.lang = locale;
}

/** The current language and a switch that persists the choice in localStorage. */
export function useLocale() {
  const composer = useI18n({ useScope: 'global' });
  const { locale } = composer;
  const current = computed<AppLocale>(() => (isAppLocale(locale.value) ? locale.value : 'zh-CN'));

  async function setLocale(next: AppLocale): Promise<void> {
    await loadLocaleMessages(composer, next);
    locale.value = next;
    persistLocale(next);
  }

  return { locale: current, setLocale };
}
