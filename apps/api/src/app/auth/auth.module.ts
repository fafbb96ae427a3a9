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
      useFactory: (config: AppConfig) => ({ secret: config.jwtSecret }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, JwtAuthGuard, ActiveSessionCache, SessionChangeListener],
  exports: [AuthService, JwtAuthGuard],
})
export class AuthModule {}
