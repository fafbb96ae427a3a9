import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { UserEntity } from '../entities';

@Injectable()
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByUsername(username: string, manager: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return manager.getRepository(UserEntity).findOneBy({ username });
  }

  findById(manager: EntityManager, id: number): Promise<UserEntity | null> {
    return manager.getRepository(UserEntity).findOneBy({ id });
  }

  /** Locks the row for the rest of the caller's transaction (concurrent edits of one user serialise). */
  findByUsernameForUpdate(manager: EntityManager, username: string): Promise<UserEntity | null> {
    return manager
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .setLock('pessimistic_write')
      .where('u.username = :username', { username })
      .getOne();
  }

  /** Enabled users holding one of `roles`, with their agency's name, by username. */
  activeInRoles(
    manager: EntityManager,
    roles: readonly string[],
  ): Promise<{ username: string; agencyCode: string; agencyName: string }[]> {
    return manager.query(
      `SELECT u.username, u.agency_code AS "agencyCode", a.name AS "agencyName"
         FROM app_user u JOIN agency a ON a.code = u.agency_code
        WHERE u.role = ANY($1) AND NOT u.disabled ORDER BY u.username`,
      [roles],
    );
  }

  /** Per agency of `agencyCodes`, the usernames of its enabled users holding one of `roles`. */
  async activeOfAgencies(
    manager: EntityManager,
    agencyCodes: string[],
    roles: readonly string[],
  ): Promise<Map<string, string[]>> {
    const rows: { username: string; agencyCode: string }[] = await manager.query(
      `SELECT username, agency_code AS "agencyCode" FROM app_user
        WHERE agency_code = ANY($1::text[]) AND role = ANY($2) AND NOT disabled ORDER BY username`,
      [agencyCodes, roles],
    );
    const result = new Map<string, string[]>();
    for (const row of rows) result.set(row.agencyCode, [...(result.get(row.agencyCode) ?? []), row.username]);
    return result;
  }

  /** Usernames of the agency's enabled users holding one of `roles`. */
  async activeOfAgency(
    manager: EntityManager,
    agencyCode: string,
    roles: readonly string[],
  ): Promise<string[]> {
    const rows: { username: string }[] = await manager.query(
      `SELECT username FROM app_user
        WHERE agency_code = $1 AND role = ANY($2) AND NOT disabled ORDER BY username`,
      [agencyCode, roles],
    );
    return rows.map((row) => row.username);
  }

  findInAgencies(agencyCodes: string[]): Promise<UserEntity[]> {
    return this.dataSource
      .getRepository(UserEntity)
      .find({ where: { agencyCode: In(agencyCodes) }, order: { agencyCode: 'ASC', username: 'ASC' } });
  }

  /** Of `usernames`, those already taken. */
  async takenAmong(manager: EntityManager, usernames: string[]): Promise<Set<string>> {
    if (usernames.length === 0) return new Set();
    const rows: { username: string }[] = await manager.query(
      'SELECT username FROM app_user WHERE username = ANY($1)',
      [usernames],
    );
    return new Set(rows.map((row) => row.username));
  }

  /** Inserts many users at once (a bulk import), in one statement. */
  async insertMany(manager: EntityManager, users: Partial<UserEntity>[]): Promise<void> {
    if (users.length === 0) return;
    await manager.getRepository(UserEntity).insert(users);
  }

  async insert(manager: EntityManager, user: Partial<UserEntity>): Promise<UserEntity> {
    const repository = manager.getRepository(UserEntity);
    const { identifiers } = await repository.insert(user);
    return repository.findOneByOrFail({ id: identifiers[0]['id'] as number });
  }

  async save(manager: EntityManager, user: UserEntity): Promise<UserEntity> {
    return manager.getRepository(UserEntity).save(user);
  }

  /** Demo accounts are usable only while the server runs in demo mode. */
  async setDemoAccountsEnabled(enabled: boolean): Promise<void> {
    await this.dataSource.getRepository(UserEntity).update({ isDemo: true }, { disabled: !enabled });
  }
}
