import { createPinia, type Pinia, setActivePinia } from 'pinia';
import type { Plugin } from 'vue';
import { type AppLocale, createAppI18n } from '../i18n';
import en from '../i18n/en';

/** Fresh pinia + i18n for mounting a component in a test. */
export function testPlugins(locale: AppLocale = 'zh-CN'): { pinia: Pinia; plugins: Plugin[] } {
  const pinia = createPinia();
  setActivePinia(pinia);
  return { pinia, plugins: [pinia, createAppI18n(locale, { en })] };
}
