import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { StarsController } from './stars.controller';
import { StarsService } from './stars.service';

/** The service star of the month (一月一星). */
@Module({
  imports: [CommonModule],
  controllers: [StarsController],
  providers: [StarsService],
})
export class StarsModule {}
