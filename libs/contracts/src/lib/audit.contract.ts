/** GET /api/audit — newest first. */
export interface AuditEntryDto {
  at: string;
  username: string;
  role: string | null;
  agencyCode: string | null;
  /** e.g. `submission.put`, `user.create`, `auth.login_failed`. */
  action: string;
  /** e.g. `submission/2026-10/330102`, `user/zhang.wei`. */
  target: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}
