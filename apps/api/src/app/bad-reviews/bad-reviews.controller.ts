import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { BadReviewDto, BadReviewPageDto } from '@scorecard/contracts';
import { type AuthenticatedUser, CurrentUser } from '../common/current-user.decorator';
import { NumericIdPipe } from '../common/numeric-id.pipe';
import {
  AppealBadReviewDto,
  BadReviewListQuery,
  ResolveBadReviewDto,
  RuleBadReviewDto,
  VerifyBadReviewDto,
} from './bad-review.dto';
import { BadReviewsService } from './bad-reviews.service';

/** Bad reviews (差评): the cases imported ratings of 1–2 make. */
@ApiTags('bad-reviews')
@Controller('bad-reviews')
export class BadReviewsController {
  constructor(private readonly badReviews: BadReviewsService) {}

  @Get()
  list(
    @Query() query: BadReviewListQuery,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<BadReviewPageDto> {
    return this.badReviews.list(caller, query);
  }

  @Post(':id/verify')
  @HttpCode(200)
  verify(
    @Param('id', new NumericIdPipe('id')) id: string,
    @Body() body: VerifyBadReviewDto,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<BadReviewDto> {
    return this.badReviews.verify(caller, id, body);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  resolve(
    @Param('id', new NumericIdPipe('id')) id: string,
    @Body() body: ResolveBadReviewDto,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<BadReviewDto> {
    return this.badReviews.resolve(caller, id, body);
  }

  @Post(':id/appeal')
  @HttpCode(200)
  appeal(
    @Param('id', new NumericIdPipe('id')) id: string,
    @Body() body: AppealBadReviewDto,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<BadReviewDto> {
    return this.badReviews.appeal(caller, id, body);
  }

  @Post(':id/ruling')
  @HttpCode(200)
  rule(
    @Param('id', new NumericIdPipe('id')) id: string,
    @Body() body: RuleBadReviewDto,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<BadReviewDto> {
    return this.badReviews.rule(caller, id, body);
  }
}
