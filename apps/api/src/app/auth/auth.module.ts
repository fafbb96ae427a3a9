import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@scorecard/server-config';
import { ActiveSessionCache } from './active-session.cache';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtAuthGuard } from './jwt-auth.guard';
import { SessionChangeListener } from './session-change-listener';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // A key object made once: given the string, every verification would first try to parse it
      // as a public key (and fail) before making the same secret key again, on every request.
      useFactory: (config: AppConfig) => ({ secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, JwtAuthGuard, ActiveSessionCache, SessionChangeListener],
  exports: [AuthService, JwtAuthGuard],
})
export class AuthModule {}
