import { DEVELOPMENT_JWT_SECRET } from './app-config';
import { ConfigError, loadConfig } from './load-config';

const BASE = { DATABASE_URL: 'postgres://u:p@localhost:5432/db', REDIS_URL: 'redis://localhost:6379' };

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({ ...BASE });
    expect(config).toMatchObject({
      environment: 'development',
      port: 3000,
      jwtSecret: DEVELOPMENT_JWT_SECRET,
      jwtExpiresInSeconds: 900,
      demo: true,
      corsOrigins: [],
      queuePrefix: 'scorecard',
      apiDocs: true,
    });
  });

  it('serves the API document in production only when asked to', () => {
    const production = { ...BASE, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) };
    expect(loadConfig({ ...production, API_DOCS: 'true' }).apiDocs).toBe(true);
    expect(loadConfig({ ...BASE, API_DOCS: 'false' }).apiDocs).toBe(false);
    expect(() => loadConfig({ ...BASE, API_DOCS: 'yes' })).toThrow(/API_DOCS must be true or false/);
  });

  it('loads the national demo when asked, of every province or of those listed', () => {
    expect(loadConfig({ ...BASE })).toMatchObject({ demo: true, demoKind: 'province', demoProvinces: [] });
    expect(loadConfig({ ...BASE, SCORECARD_DEMO: 'national' })).toMatchObject({ demo: true, demoKind: 'national' });
    expect(loadConfig({ ...BASE, SCORECARD_DEMO: 'national', SCORECARD_DEMO_PROVINCES: '11, 330000' }).demoProvinces).toEqual([
      '11',
      '330000',
    ]);
    expect(() => loadConfig({ ...BASE, SCORECARD_DEMO: 'country' })).toThrow(/SCORECARD_DEMO must be true, false or national/);
    expect(() => loadConfig({ ...BASE, SCORECARD_DEMO_PROVINCES: 'zj' })).toThrow(/SCORECARD_DEMO_PROVINCES/);
  });

  it('refuses to start in production with the default JWT secret', () => {
    expect(() => loadConfig({ ...BASE, NODE_ENV: 'production' })).toThrow(/JWT_SECRET must be set/);
    expect(() => loadConfig({ ...BASE, NODE_ENV: 'production', JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toThrow(ConfigError);
    expect(() => loadConfig({ ...BASE, NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/at least 32/);
    const production = loadConfig({ ...BASE, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) });
    expect(production.demo).toBe(false);
    expect(production.apiDocs).toBe(false);
  });

  it('reports every problem at once', () => {
    try {
      loadConfig({ PORT: 'eighty', NODE_ENV: 'staging', REDIS_URL: 'http://nope' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual(
        expect.arrayContaining([
          expect.stringContaining('NODE_ENV'),
          expect.stringContaining('DATABASE_URL is required'),
          expect.stringContaining('REDIS_URL must be a redis:// URL'),
          expect.stringContaining('PORT'),
        ]),
      );
    }
  });

  it('keeps 64 MiB of league tables in memory unless told otherwise; 0 keeps none', () => {
    expect(loadConfig({ ...BASE }).rankingCacheBytes).toBe(64 * 1024 * 1024);
    expect(loadConfig({ ...BASE, RANKING_CACHE_BYTES: '0' }).rankingCacheBytes).toBe(0);
    expect(() => loadConfig({ ...BASE, RANKING_CACHE_BYTES: '-1' })).toThrow(/RANKING_CACHE_BYTES must be an integer/);
  });

  it('parses the allowed browser origins', () => {
    expect(loadConfig({ ...BASE, CORS_ORIGINS: 'https://a.example, https://b.example' }).corsOrigins).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
  });
});
