import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A closed bad review whose rating is gone from a replacing ratings file is voided as `withdrawn`
 * with the status it had (`withdrawn_from = 'closed'`) and keeps its outcome on record, so that it
 * comes back closed as it was should its rating return. The first check ("an outcome exactly on a
 * closed case") had no room for it and failed the whole import; an outcome now belongs to a closed
 * case, or to one withdrawn while closed, and to no other. Readers of closed cases go by `status`,
 * so a withdrawn case is never counted as closed or rectified.
 */
export class BadReviewWithdrawnOutcome1764850000000 implements MigrationInterface {
  name = 'BadReviewWithdrawnOutcome1764850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // `bad_review_check` is the name PostgreSQL gave the first unnamed table check of 1764720000000.
    await queryRunner.query(`
      ALTER TABLE bad_review DROP CONSTRAINT bad_review_check;
      ALTER TABLE bad_review ADD CONSTRAINT bad_review_outcome_of_closed CHECK (
        (outcome IS NOT NULL) = (
          status = 'closed'
          OR (status = 'voided' AND voided_as IS NOT DISTINCT FROM 'withdrawn'
              AND withdrawn_from IS NOT DISTINCT FROM 'closed')
        )
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The first check cannot hold a withdrawn case's outcome: it is dropped on the way down.
    await queryRunner.query(`
      ALTER TABLE bad_review DROP CONSTRAINT bad_review_outcome_of_closed;
      UPDATE bad_review SET outcome = NULL WHERE status <> 'closed' AND outcome IS NOT NULL;
      ALTER TABLE bad_review ADD CONSTRAINT bad_review_check CHECK ((status = 'closed') = (outcome IS NOT NULL));
    `);
  }
}
