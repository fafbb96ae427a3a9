import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { CredentialsService } from './credentials.service';
import { UsersController } from './users.controller';
import { UserImportService } from './user-import.service';
import { UsersService } from './users.service';

/** User administration. */
@Module({
  imports: [CommonModule],
  controllers: [UsersController],
  providers: [UsersService, CredentialsService, UserImportService],
})
export class UsersModule {}
