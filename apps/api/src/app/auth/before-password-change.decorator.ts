import { SetMetadata } from '@nestjs/common';

export const BEFORE_PASSWORD_CHANGE = 'beforePasswordChange';

/**
 * Open to an account that must still change the password an administrator gave it; every route
 * without this answers such an account 403 until the password is changed.
 */
export const BeforePasswordChange = () => SetMetadata(BEFORE_PASSWORD_CHANGE, true);
