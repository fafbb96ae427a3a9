import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@scorecard/server-config';
import { runMigrations } from '@scorecard/server-database';
import { WorkerModule } from './app/worker.module';

/** The same Nest modules as the API, started without HTTP: only the queue processors run. */
export async function createWorkerContext(config: AppConfig): Promise<INestApplicationContext> {
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  context.useLogger(context.get(Logger));
  context.enableShutdownHooks();
  await runMigrations(context.get(DataSource));
  return context;
}
