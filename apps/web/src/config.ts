/**
 * The only module that reads `import.meta.env`. Everything else imports `appConfig`.
 */
export interface AppConfig {
  /** Base URL of the HTTP API (same origin by default). */
  apiBaseUrl: string;
  /** Base path the SPA is served under. */
  routerBase: string;
  /** Development build (Vite dev server). */
  dev: boolean;
}

const env = import.meta.env;

export const appConfig: Readonly<AppConfig> = Object.freeze({
  apiBaseUrl: (env.VITE_API_BASE_URL as string | undefined)?.replace(/\/+$/, '') || '/api',
  routerBase: env.BASE_URL,
  dev: env.DEV,
});
