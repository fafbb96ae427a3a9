import { Module } from '@nestjs/common';
import { AccessGuard } from '../access/access.guard';
import { AccessPolicy } from '../access/access-policy';
import { AgencyDirectory } from './agency-directory.service';
import { ApiExceptionFilter } from './api-exception.filter';
import { PeriodLookupService } from './period-lookup.service';

/**
 * What every feature shares: the agency tree in memory, the lookup of the month a request names,
 * the access policy and its guard, and the one filter that maps domain errors to HTTP. The app
 * module installs the guard and the filter globally; feature modules import this one for the rest.
 */
@Module({
  providers: [AgencyDirectory, PeriodLookupService, AccessPolicy, AccessGuard, ApiExceptionFilter],
  exports: [AgencyDirectory, PeriodLookupService, AccessPolicy, AccessGuard, ApiExceptionFilter],
})
export class CommonModule {}
