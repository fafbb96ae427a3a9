import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import type { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface';
import { diskStorage } from 'multer';
import { APP_CONFIG, type AppConfig } from '@scorecard/server-config';
import { CommonModule } from '../common/common.module';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/** Uploading a file of figures, ratings or consultations for the worker to import. */
@Module({
  imports: [
    CommonModule,
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): MulterOptions =>
        ({
          // Uploads stream to disk in the shared import folder, never into memory.
          storage: diskStorage({ destination: config.importDir }),
          limits: { fileSize: config.importMaxBytes, files: 1, fields: 5 },
          // Browsers send file names as UTF-8 (中文文件名.xlsx), not Latin-1.
          defParamCharset: 'utf8',
        }) as MulterOptions,
    }),
  ],
  controllers: [ImportsController],
  providers: [ImportsService],
  exports: [ImportsService],
})
export class ImportsModule {}
