import { useI18n } from 'vue-i18n';
import { monthRuns, type WindowChoice } from './window-choices';
import { WINDOW_MESSAGES } from './window.messages';

/** The window texts in the reader's language: a window's name and its "覆盖 7–9 月，缺 9 月" note. */
export function useWindowText() {
  const i18n = useI18n({ messages: WINDOW_MESSAGES });
  const { t } = i18n;

  function monthName(month: number): string {
    if (i18n.locale.value !== 'en') return String(month);
    return new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' }).format(Date.UTC(2000, month - 1, 1));
  }

  /** "7–9 月、11 月" / "Jul–Sep, Nov". */
  function monthList(months: readonly string[]): string {
    return monthRuns(months)
      .map(([from, to]) =>
        from === to
          ? t('periodWindow.single', { month: monthName(from) })
          : t('periodWindow.run', { from: monthName(from), to: monthName(to) }),
      )
      .join(t('periodWindow.listSeparator'));
  }

  function windowName(choice: Pick<WindowChoice, 'kind' | 'year' | 'index'>): string {
    if (choice.kind === 'year') return t('periodWindow.year', { year: choice.year });
    return t(`periodWindow.${choice.kind}${choice.index ?? 1}`, { year: choice.year });
  }

  /** "覆盖 7–8 月，缺 9 月". */
  function coverage(window: { months: readonly string[]; missing: readonly string[] }): string {
    const covers = t('periodWindow.covers', { months: monthList(window.months) });
    if (window.missing.length === 0) return covers;
    return `${covers}${t('periodWindow.separator')}${t('periodWindow.missing', { months: monthList(window.missing) })}`;
  }

  return { t, windowName, coverage };
}
