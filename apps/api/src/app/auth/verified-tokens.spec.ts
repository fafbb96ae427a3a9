import { VerifiedTokens } from './verified-tokens';

describe('VerifiedTokens', () => {
  const now = Date.UTC(2026, 10, 26, 12, 0, 0);
  const exp = now / 1000 + 900;

  it('checks a token once while it lives', async () => {
    const tokens = new VerifiedTokens<{ sub: string; exp?: number }>();
    const check = jest.fn(async () => ({ sub: 'admin', exp }));
    for (let i = 0; i < 5; i++) expect(await tokens.claimsOf('t', check, now + i * 1000)).toEqual({ sub: 'admin', exp });
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('checks it again from the second it expires, as the token library does, and passes on its refusal', async () => {
    const tokens = new VerifiedTokens<{ sub: string; exp?: number }>();
    await tokens.claimsOf('t', async () => ({ sub: 'admin', exp }), now);
    const expired = jest.fn(async (): Promise<{ sub: string; exp?: number }> => {
      throw new Error('jwt expired');
    });
    expect(await tokens.claimsOf('t', expired, exp * 1000 - 1)).toMatchObject({ sub: 'admin' });
    await expect(tokens.claimsOf('t', expired, exp * 1000)).rejects.toThrow('jwt expired');
    await expect(tokens.claimsOf('t', expired, exp * 1000 - 1)).rejects.toThrow('jwt expired');
    expect(expired).toHaveBeenCalledTimes(2);
  });

  it('keeps nothing of a token that never expires, nor of one refused', async () => {
    const tokens = new VerifiedTokens<{ sub: string; exp?: number }>();
    const forever = jest.fn(async () => ({ sub: 'admin' }));
    await tokens.claimsOf('forever', forever, now);
    await tokens.claimsOf('forever', forever, now);
    expect(forever).toHaveBeenCalledTimes(2);
    const refused = jest.fn(async (): Promise<{ sub: string; exp?: number }> => {
      throw new Error('invalid signature');
    });
    await expect(tokens.claimsOf('forged', refused, now)).rejects.toThrow();
    await expect(tokens.claimsOf('forged', refused, now)).rejects.toThrow();
    expect(refused).toHaveBeenCalledTimes(2);
  });
});
