import { appConfig } from '../config';
import { createHttpClient } from './http';

interface ApiClientHooks {
  getToken: () => string | null;
  renewToken: () => Promise<boolean>;
  onUnauthorized: () => void;
  getLanguage: () => string | null;
}

const hooks: ApiClientHooks = {
  getToken: () => null,
  renewToken: () => Promise.resolve(false),
  onUnauthorized: () => undefined,
  getLanguage: () => null,
};

/** Wires the session into the shared client (done once in main.ts; avoids import cycles). */
export function configureApiClient(next: Partial<ApiClientHooks>): void {
  Object.assign(hooks, next);
}

/** The client every `xxx.api.ts` module uses. */
export const apiClient = createHttpClient({
  baseUrl: appConfig.apiBaseUrl,
  getToken: () => hooks.getToken(),
  renewToken: () => hooks.renewToken(),
  onUnauthorized: () => hooks.onUnauthorized(),
  getLanguage: () => hooks.getLanguage(),
});
