/** The languages the product speaks; Chinese first. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

/**
 * The caller's language from an `Accept-Language` header: the supported language with the highest
 * weight (`en-GB` counts as `en`, `zh`/`zh-Hans` as `zh-CN`), Chinese when nothing matches.
 */
export function languageOf(acceptLanguage: string | undefined | null): Language {
  if (!acceptLanguage) return DEFAULT_LANGUAGE;
  let best: { language: Language; weight: number } | null = null;
  for (const part of acceptLanguage.split(',')) {
    const [tag = '', ...parameters] = part.trim().toLowerCase().split(';');
    const weightText = parameters
      .map((p) => p.trim())
      .find((p) => p.startsWith('q='))
      ?.slice(2);
    const weight = weightText === undefined ? 1 : Number(weightText);
    if (!Number.isFinite(weight) || weight <= 0) continue;
    const language: Language | null = tag.startsWith('zh')
      ? 'zh-CN'
      : tag.startsWith('en')
        ? 'en'
        : null;
    if (language && (!best || weight > best.weight)) best = { language, weight };
  }
  return best?.language ?? DEFAULT_LANGUAGE;
}
