import { Module } from '@nestjs/common';
import { AccessGuard } from '../access/access.guard';
import { AccessPolicy } from '../access/access-policy';
import { AgencyDirectory } from './agency-directory.service';
import { ApiExceptionFilter } from './api-exception.filter';

/**
 * What every feature shares: the agency tree in memory, the access policy and its guard, and the
 * one filter that maps domain errors to HTTP. The app module installs the guard and the filter
 * globally; feature modules import this one for the directory and the policy.
 */
@Module({
  providers: [AgencyDirectory, AccessPolicy, AccessGuard, ApiExceptionFilter],
  exports: [AgencyDirectory, AccessPolicy, AccessGuard, ApiExceptionFilter],
})
export class CommonModule {}
