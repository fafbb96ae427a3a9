/**
 * Whether a star round's tally (votes, peer scores and the totals they enter) is sealed: while the
 * round is open for votes nobody sees it, so that in an office of five one vote cannot be read back
 * from a tally; it opens once the head selects the star (the ballot closes).
 */
export function isStarTallySealed(status: 'open' | 'publicizing' | 'confirmed'): boolean {
  return status === 'open';
}
