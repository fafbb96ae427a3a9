export const SCORING_VERSION = 1;
