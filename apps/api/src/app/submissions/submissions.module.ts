import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { SubmissionsController } from './submissions.controller';
import { SubmissionsService } from './submissions.service';

/** An agency's monthly figures. */
@Module({
  imports: [CommonModule],
  controllers: [SubmissionsController],
  providers: [SubmissionsService],
})
export class SubmissionsModule {}
