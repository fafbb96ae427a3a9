import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UserEntity } from '../entities';

@Injectable()
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ username });
  }

  /** Demo accounts are usable only while the server runs in demo mode. */
  async setDemoAccountsEnabled(enabled: boolean): Promise<void> {
    await this.dataSource
      .getRepository(UserEntity)
      .update({ isDemo: true }, { disabled: !enabled });
  }
}
