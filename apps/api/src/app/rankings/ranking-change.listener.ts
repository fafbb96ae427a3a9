import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@scorecard/server-config';
import { DatabaseChannelListener } from '../common/database-channel.listener';

/**
 * The `ranking_change` channel (see the RankingChangeNotices migration): a month's period when its
 * row changed, or the name of a table whose change may touch any league table.
 */
@Injectable()
export class RankingChangeListener extends DatabaseChannelListener {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(config, 'ranking_change');
  }
}
