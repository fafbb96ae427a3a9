import { createI18n } from 'vue-i18n';
import zhCN, { type MessageSchema } from './zh-CN';

export const SUPPORTED_LOCALES = ['zh-CN', 'en'] as const;
export type AppLocale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = 'zh-CN';
export const LOCALE_STORAGE_KEY = 'scorecard.locale';

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** The saved language, or Chinese. */
export function loadSavedLocale(storage: Pick<Storage, 'getItem'> | undefined): AppLocale {
  try {
    const saved = storage?.getItem(LOCALE_STORAGE_KEY);
    return isAppLocale(saved) ? saved : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/**
 * The app's i18n with Chinese built in; other languages' messages are given (tests) or loaded
 * when first chosen ({@link loadLocaleMessages}), so the first page does not carry them.
 */
export function createAppI18n(
  locale: AppLocale = DEFAULT_LOCALE,
  more: Partial<Record<AppLocale, MessageSchema>> = {},
) {
  return createI18n<[MessageSchema], AppLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages: { ...more, 'zh-CN': zhCN } as Record<AppLocale, MessageSchema>,
    missingWarn: false,
    fallbackWarn: false,
  });
}

export type AppI18n = ReturnType<typeof createAppI18n>;

/** The messages of a language not built in, fetched once. */
export async function localeMessages(locale: AppLocale): Promise<MessageSchema | null> {
  return locale === 'en' ? (await import('./en')).default : null;
}

/** Makes sure a language's messages are in `composer` before it is shown. */
export async function loadLocaleMessages(
  composer: {
    availableLocales: string[];
    setLocaleMessage(locale: AppLocale, messages: MessageSchema): void;
  },
  locale: AppLocale,
): Promise<void> {
  if (composer.availableLocales.includes(locale)) return;
  const messages = await localeMessages(locale);
  if (messages) composer.setLocaleMessage(locale, messages);
}
