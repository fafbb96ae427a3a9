/**
 * Every form a `period` may take: a month (2026-07), a quarter (2026-Q3), a half-year (2026-H1) or a
 * year (2026). Its own file, so a page that only checks the form does not bundle the window rules.
 */
export const WINDOW_PATTERN = /^[0-9]{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$/;
