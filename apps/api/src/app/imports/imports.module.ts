import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import type { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface';
import { APP_CONFIG, type AppConfig } from '@scorecard/server-config';
import { ImportUploadRepository } from '@scorecard/server-database';
import { CommonModule } from '../common/common.module';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';
import { PostgresUploadStorage } from './postgres-upload.storage';

/** Uploading a file of figures, ratings or consultations for the worker to import. */
@Module({
  imports: [
    CommonModule,
    MulterModule.registerAsync({
      inject: [APP_CONFIG, ImportUploadRepository],
      useFactory: (config: AppConfig, uploads: ImportUploadRepository): MulterOptions =>
        ({
          // Uploads stream into PostgreSQL, where every worker finds them: never to this host's
          // disk, nor whole into memory.
          storage: new PostgresUploadStorage(uploads),
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
