import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { AppError } from '../common/errors/app-error';
import { mapUser } from '../users/dto/user.response';
import { hashPassword, verifyPassword } from '../users/password';
import { UsersService } from '../users/users.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { UsersRepository } from '../users/users.repository';
import type { AuthUser } from './auth-user';
import { LoginResponse } from './dto/login.response';
import { LoginThrottleRepository } from './login-throttle.repository';

/** A hash of a random password, so unknown emails cost the same time as wrong passwords. */
const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$Y2xKc1b9m9Qp1m2v7h0kO4c3u9lXl3V9zq3l8p8nYqI';

@Injectable()
export class AuthService {
  constructor(
    private readonly usersRepo: UsersRepository,
    private readonly users: UsersService,
    private readonly throttle: LoginThrottleRepository,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checks a password login. Locked accounts are refused before the password is looked at. */
  async validateLogin(email: string, password: string): Promise<AuthUser> {
    const wait = await this.throttle.lockedForSeconds(email);
    if (wait > 0) {
      throw new AppError('LOGIN_THROTTLED', `Too many failed sign-ins for this account. Try again in ${Math.ceil(wait / 60)} minute(s).`, { retryAfterSeconds: wait });
    }
    const user = await this.usersRepo.findByEmailWithHash(email);
    const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
    if (!user || !ok || !user.active) {
      await this.throttle.recordFailure(email);
      throw new AppError('INVALID_CREDENTIALS', 'Email or password is wrong, or the account is deactivated.');
    }
    await this.throttle.clear(email);
    return { id: user.id, email: user.email, fullName: user.fullName, role: user.role };
  }

  async login(user: AuthUser): Promise<LoginResponse> {
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role });
    const full = await this.usersRepo.findById(user.id);
    const profile = mapUser(full!);
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.config.jwtExpiresInSeconds,
      user: { id: profile.id, email: profile.email, fullName: profile.fullName, displayName: profile.displayName, role: profile.role },
    };
  }

  /** The current password is checked (and throttled) like a login before the new one is stored. */
  async changePassword(user: AuthUser, dto: ChangePasswordDto): Promise<void> {
    await this.validateLogin(user.email, dto.currentPassword);
    await this.users.setPassword(user, await hashPassword(dto.newPassword));
  }

  /** Every authenticated request: the user must still exist and be active. */
  async userForToken(userId: string): Promise<AuthUser | null> {
    return (await this.usersRepo.activeCaller(userId)) ?? null;
  }
}
