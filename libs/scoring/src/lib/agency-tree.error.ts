export type AgencyTreeProblem = 'cycle' | 'unknown_parent' | 'unknown_agency' | 'duplicate_code';

/** The agency list does not form a forest, or a code refers to no agency. `codes` names the culprits. */
export class AgencyTreeError extends Error {
  constructor(
    readonly problem: AgencyTreeProblem,
    readonly codes: string[],
    message: string,
  ) {
    super(message);
    this.name = 'AgencyTreeError';
  }
}
