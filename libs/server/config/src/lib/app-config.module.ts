import { Global, Module } from '@nestjs/common';
import type { AppConfig } from './app-config';
import { loadConfig } from './load-config';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Provides the validated {@link AppConfig} under the `APP_CONFIG` token. */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(config: AppConfig = loadConfig()) {
    return {
      module: AppConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
