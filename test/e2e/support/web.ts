import type { Browser, Page } from 'playwright-core';
import { baseUrl, login } from './http';

/**
 * A fresh page (Chinese unless told otherwise), logged in through the login form of the suite's
 * API, or of `url` (a spec's own API).
 */
export async function loginPage(
  browser: Browser,
  username: string,
  locale = 'zh-CN',
  options: { url?: string; width?: number; height?: number } = {},
): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: options.width ?? 1440, height: options.height ?? 1000 },
    locale,
  });
  await page.goto(`${options.url ?? baseUrl()}/`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('demo');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

/** The newest month with the given status, from the API. */
export function newest<T extends { status: string; period: string }>(
  periods: T[],
  status: string,
): T {
  const found = [...periods]
    .sort((a, b) => b.period.localeCompare(a.period))
    .find((p) => p.status === status);
  if (!found) throw new Error(`No ${status} month`);
  return found;
}

const tokens = new Map<string, Promise<string>>();

/** An API token per user, logged in once per test file (logins are rate-limited per address). */
export function tokenFor(username: string): Promise<string> {
  let token = tokens.get(username);
  if (!token) {
    token = login(username);
    tokens.set(username, token);
  }
  return token;
}
