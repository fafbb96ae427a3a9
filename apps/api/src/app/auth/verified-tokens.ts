const MAX_ENTRIES = 20_000;

/**
 * Access tokens whose signature has been checked, with what they claim, until they expire: a
 * signature is a pure function of the token and the secret, so checking it once is enough, and a
 * caller sending the same token a thousand times costs one HMAC, not a thousand. Expiry is checked
 * on every use as the token library checks it (expired from the second of `exp` on). The session
 * behind the token is still checked on every call (see AuthService.verify).
 */
export class VerifiedTokens<Claims extends { exp?: number }> {
  private readonly entries = new Map<string, Claims>();

  /** The token's claims, checking its signature only the first time it is seen. */
  async claimsOf(token: string, check: (token: string) => Promise<Claims>, now = Date.now()): Promise<Claims> {
    const kept = this.entries.get(token);
    if (kept !== undefined && kept.exp !== undefined && Math.floor(now / 1000) < kept.exp) return kept;
    if (kept !== undefined) this.entries.delete(token);
    const claims = await check(token);
    // Only a token that will expire is kept; oldest first out (a Map keeps insertion order).
    if (typeof claims.exp === 'number') {
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(token, claims);
    }
    return claims;
  }
}
