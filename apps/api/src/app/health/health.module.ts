import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';

/** Whether the API reaches PostgreSQL and Redis. */
@Module({
  controllers: [HealthController],
})
export class HealthModule {}
