import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { QueueBoardController } from './queue-board.controller';

/** The operators' tools: the job queue dashboard. */
@Module({
  imports: [CommonModule],
  controllers: [QueueBoardController],
})
export class OperationsModule {}
