import type { AppConfig } from '@scorecard/server-config';
import { StarBallotReceiptService } from './star-ballot-receipt.service';

describe('StarBallotReceiptService', () => {
  const receipts = (secret: string) =>
    new StarBallotReceiptService({ jwtSecret: secret } as AppConfig);
  const ballot = { period: '2026-10', agencyCode: '330102', voter: 'staff-330102-1' };

  it('opens for the voter it was sealed for', () => {
    const service = receipts('a-secret-of-at-least-thirty-two-characters');
    expect(service.open(ballot, service.seal(ballot, '4711'))).toBe('4711');
  });

  it('seals differently every time, so equal votes do not look equal', () => {
    const service = receipts('a-secret-of-at-least-thirty-two-characters');
    expect(service.seal(ballot, '4711')).not.toBe(service.seal(ballot, '4711'));
  });

  it('does not open for another voter, agency or month, nor under another key', () => {
    const service = receipts('a-secret-of-at-least-thirty-two-characters');
    const receipt = service.seal(ballot, '4711');
    expect(service.open({ ...ballot, voter: 'staff-330102-2' }, receipt)).toBeNull();
    expect(service.open({ ...ballot, agencyCode: '330105' }, receipt)).toBeNull();
    expect(service.open({ ...ballot, period: '2026-09' }, receipt)).toBeNull();
    expect(receipts('another-secret-of-thirty-two-characters!').open(ballot, receipt)).toBeNull();
    expect(service.open(ballot, 'not a receipt')).toBeNull();
  });
});
