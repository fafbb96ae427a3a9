import { InitialSchema1763800000000 } from './1763800000000-initial-schema';
import { SecurityAndAudit1763900000000 } from './1763900000000-security-and-audit';

/** In order; TypeORM records the applied ones in the `migrations` table. */
export const MIGRATIONS = [InitialSchema1763800000000, SecurityAndAudit1763900000000];
