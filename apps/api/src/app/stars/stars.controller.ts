import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  ResolveObjectionResponse,
  SelectStarResponse,
  StarCandidateDto,
  StarParticipationDto,
  StarRoundDto,
  StarRulesDto,
  StarWallEntryDto,
} from '@scorecard/contracts';
import { Authorize } from '../access/authorize.decorator';
import { AgencyCodePipe } from '../agencies/agency-code.pipe';
import { type AuthenticatedUser, CurrentUser } from '../common/current-user.decorator';
import { YearQuery } from '../indicators/year.query';
import { ParsePeriodPipe } from '../periods/period.param';
import { NumericIdPipe } from '../common/numeric-id.pipe';
import {
  FileObjectionDto,
  NominateStarDto,
  PutStarRulesDto,
  PutStarScoresDto,
  ResolveObjectionDto,
} from './star.dto';
import { StarPeriodQuery, StarWallQuery } from './star.query';
import { StarsService } from './stars.service';

@ApiTags('stars')
@Controller('stars')
export class StarsController {
  constructor(private readonly stars: StarsService) {}

  /** The star wall: publicised and confirmed stars of the province, newest first. */
  @Get()
  wall(@Query() query: StarWallQuery): Promise<StarWallEntryDto[]> {
    return this.stars.wall(query);
  }

  @Get('participation')
  @Authorize('star.participation')
  participation(@Query() query: StarPeriodQuery): Promise<StarParticipationDto> {
    return this.stars.participation(query.period);
  }

  @Get('rules')
  rules(@Query() query: YearQuery): Promise<StarRulesDto> {
    return this.stars.rules(query.year ?? new Date().getFullYear());
  }

  @Put('rules/:year')
  @Authorize('star.configure')
  putRules(
    @Param('year', new NumericIdPipe('year')) year: string,
    @Body() body: PutStarRulesDto,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<StarRulesDto> {
    return this.stars.putRules(caller, Number(year), body);
  }

  @Get(':period/:agencyCode')
  @Authorize('star.read', { agencyParam: 'agencyCode' })
  round(
    @Param('period', ParsePeriodPipe) period: string,
    @Param('agencyCode', AgencyCodePipe) agencyCode: string,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<StarRoundDto> {
    return this.stars.round(caller, period, agencyCode);
  }

  @Post(':period/:agencyCode/candidates')
  @Authorize('star.manage', { agencyParam: 'agencyCode' })
  nominate(
    @Param('period', ParsePeriodPipe) period: string,
    @Param('agencyCode', AgencyCodePipe) agencyCode: string,
    @Body() body: NominateStarDto,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<{ id: string }> {
    return this.stars.nominate(caller, period, agencyCode, body);
  }

  /** Agency head of the candidate's agency (checked against the candidate by the access policy). */
  @Put('candidates/:id/scores')
  score(
    @Param('id', NumericIdPipe) id: string,
    @Body() body: PutStarScoresDto,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<StarCandidateDto> {
    return this.stars.score(caller, id, body);
  }

  /** Staff of the candidate's agency; a secret ballot. */
  @Post('candidates/:id/votes')
  vote(
    @Param('id', NumericIdPipe) id: string,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<{ voted: true }> {
    return this.stars.vote(caller, id);
  }

  @Post(':period/:agencyCode/select')
  @HttpCode(200)
  @Authorize('star.manage', { agencyParam: 'agencyCode' })
  select(
    @Param('period', ParsePeriodPipe) period: string,
    @Param('agencyCode', AgencyCodePipe) agencyCode: string,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<SelectStarResponse> {
    return this.stars.select(caller, period, agencyCode);
  }

  @Post(':period/:agencyCode/objections')
  @Authorize('star.object', { agencyParam: 'agencyCode' })
  object(
    @Param('period', ParsePeriodPipe) period: string,
    @Param('agencyCode', AgencyCodePipe) agencyCode: string,
    @Body() body: FileObjectionDto,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<{ id: string }> {
    return this.stars.object(caller, period, agencyCode, body);
  }

  /** Agency head of the objection's agency (checked by the access policy). */
  @Post('objections/:id/resolve')
  @HttpCode(200)
  resolve(
    @Param('id', NumericIdPipe) id: string,
    @Body() body: ResolveObjectionDto,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<ResolveObjectionResponse> {
    return this.stars.resolve(caller, id, body);
  }
}
