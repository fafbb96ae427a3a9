import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { compare } from 'bcryptjs';
import type { LoginResponse, Role } from '@scorecard/contracts';
import { APP_CONFIG, type AppConfig } from '@scorecard/server-config';
import { UserRepository } from '@scorecard/server-database';
import { AuthenticationError } from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';

interface TokenClaims {
  sub: string;
  role: Role;
  agency: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string): Promise<LoginResponse> {
    const user = await this.users.findByUsername(username);
    // Compare even for unknown users so timing does not reveal which usernames exist.
    const matches = await compare(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    if (!user || !matches || user.disabled) throw new AuthenticationError();
    const claims: TokenClaims = { sub: user.username, role: user.role, agency: user.agencyCode };
    return {
      accessToken: await this.jwt.signAsync(claims, { expiresIn: this.config.jwtExpiresInSeconds }),
      expiresIn: this.config.jwtExpiresInSeconds,
      user: {
        username: user.username,
        role: user.role,
        agencyCode: user.agencyCode,
        displayName: user.displayName,
      },
    };
  }

  async verify(token: string): Promise<AuthenticatedUser> {
    const claims = await this.jwt.verifyAsync<TokenClaims>(token);
    return { username: claims.sub, role: claims.role, agencyCode: claims.agency };
  }
}

/** bcrypt hash of a random string nobody knows. */
const UNKNOWN_USER_HASH = '$2b$10$B3RkOPfYyt/wo6MrMXKqDenx6pXLtUEFopG/PSPYuunUWdiDu48Iu';
