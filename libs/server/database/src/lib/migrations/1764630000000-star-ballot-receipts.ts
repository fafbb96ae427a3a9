import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A voter's sealed receipt of their own ballot, so that they can see whom they chose. It is the
 * candidate sealed (AES-GCM) under a key only the API holds and bound to the voter: the tables
 * alone still link no voter to a candidate.
 */
export class StarBallotReceipts1764630000000 implements MigrationInterface {
  name = 'StarBallotReceipts1764630000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE star_voter ADD COLUMN receipt text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE star_voter DROP COLUMN receipt`);
  }
}
