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
  StarWallPageDto,
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
import { StarNominationService } from './star-nomination.service';
import { StarObjectionsService } from './star-objections.service';
import { StarRoundService } from './star-round.service';
import { StarRulesService } from './star-rules.service';
import { StarScoringService } from './star-scoring.service';
import { StarSelectionService } from './star-selection.service';
import { StarVotingService } from './star-voting.service';
import { StarWallService } from './star-wall.service';

@ApiTags('stars')
@Controller('stars')
export class StarsController {
  constructor(
    private readonly wallOfStars: StarWallService,
    private readonly starRules: StarRulesService,
    private readonly rounds: StarRoundService,
    private readonly nomination: StarNominationService,
    private readonly scoring: StarScoringService,
    private readonly voting: StarVotingService,
    private readonly selection: StarSelectionService,
    private readonly objections: StarObjectionsService,
  ) {}

  /**
   * The star wall: publicised and confirmed stars of the province, newest first; one page of it
   * `{rows, total, page, pageSize}` when `pageSize` is given.
   */
  @Get()
  wall(@Query() query: StarWallQuery): Promise<StarWallEntryDto[] | StarWallPageDto> {
    return this.wallOfStars.wall(query);
  }

  @Get('participation')
  @Authorize('star.participation')
  participation(@Query() query: StarPeriodQuery): Promise<StarParticipationDto> {
    return this.wallOfStars.participation(query.period);
  }

  @Get('rules')
  rules(@Query() query: YearQuery): Promise<StarRulesDto> {
    return this.starRules.forYear(query.year ?? new Date().getFullYear());
  }

  @Put('rules/:year')
  @Authorize('star.configure')
  putRules(
    @Param('year', new NumericIdPipe('year')) year: string,
    @Body() body: PutStarRulesDto,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<StarRulesDto> {
    return this.starRules.put(caller, Number(year), body);
  }

  @Get(':period/:agencyCode')
  @Authorize('star.read', { agencyParam: 'agencyCode' })
  round(
    @Param('period', ParsePeriodPipe) period: string,
    @Param('agencyCode', AgencyCodePipe) agencyCode: string,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<StarRoundDto> {
    return this.rounds.round(caller, period, agencyCode);
  }

  @Post(':period/:agencyCode/candidates')
  @Authorize('star.manage', { agencyParam: 'agencyCode' })
  nominate(
    @Param('period', ParsePeriodPipe) period: string,
    @Param('agencyCode', AgencyCodePipe) agencyCode: string,
    @Body() body: NominateStarDto,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<{ id: string }> {
    return this.nomination.nominate(caller, period, agencyCode, body);
  }

  /** Agency head of the candidate's agency (checked against the candidate by the access policy). */
  @Put('candidates/:id/scores')
  score(
    @Param('id', NumericIdPipe) id: string,
    @Body() body: PutStarScoresDto,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<StarCandidateDto> {
    return this.scoring.score(caller, id, body);
  }

  /** Staff of the candidate's agency; a secret ballot. */
  @Post('candidates/:id/votes')
  vote(
    @Param('id', NumericIdPipe) id: string,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<{ voted: true }> {
    return this.voting.vote(caller, id);
  }

  @Post(':period/:agencyCode/select')
  @HttpCode(200)
  @Authorize('star.manage', { agencyParam: 'agencyCode' })
  select(
    @Param('period', ParsePeriodPipe) period: string,
    @Param('agencyCode', AgencyCodePipe) agencyCode: string,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<SelectStarResponse> {
    return this.selection.select(caller, period, agencyCode);
  }

  @Post(':period/:agencyCode/objections')
  @Authorize('star.object', { agencyParam: 'agencyCode' })
  object(
    @Param('period', ParsePeriodPipe) period: string,
    @Param('agencyCode', AgencyCodePipe) agencyCode: string,
    @Body() body: FileObjectionDto,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<{ id: string }> {
    return this.objections.file(caller, period, agencyCode, body);
  }

  /** Agency head of the objection's agency (checked by the access policy). */
  @Post('objections/:id/resolve')
  @HttpCode(200)
  resolve(
    @Param('id', NumericIdPipe) id: string,
    @Body() body: ResolveObjectionDto,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<ResolveObjectionResponse> {
    return this.objections.resolve(caller, id, body);
  }
}
