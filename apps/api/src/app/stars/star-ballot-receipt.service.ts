import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@scorecard/server-config';

export interface Ballot {
  period: string;
  agencyCode: string;
  voter: string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * A voter's receipt of their secret ballot: the candidate sealed with AES-256-GCM under a key
 * derived from the API's secret and bound to the voter and agency-month. It lets the voter see whom
 * they chose, while the database alone (a backup, a query) still links no voter to a candidate.
 */
@Injectable()
export class StarBallotReceiptService {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = Buffer.from(
      hkdfSync('sha256', config.jwtSecret, 'scorecard', 'star-ballot-receipt', 32),
    );
  }

  seal(ballot: Ballot, candidateId: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(boundTo(ballot));
    const sealed = Buffer.concat([cipher.update(candidateId, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
  }

  /** The candidate id, or null when the receipt is not this voter's or the key has changed since. */
  open(ballot: Ballot, receipt: string): string | null {
    try {
      const bytes = Buffer.from(receipt, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
      decipher.setAAD(boundTo(ballot));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const opened = Buffer.concat([
        decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]);
      return opened.toString('utf8');
    } catch {
      return null;
    }
  }
}

function boundTo(ballot: Ballot): Buffer {
  return Buffer.from(`${ballot.period}|${ballot.agencyCode}|${ballot.voter}`, 'utf8');
}
