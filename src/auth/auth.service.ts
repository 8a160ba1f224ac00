import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { AppError } from '../common/errors/app-error';
import { mapUser } from '../users/dto/user.response';
import { hashPassword, verifyPassword } from '../users/password';
import { assertAcceptablePassword } from '../users/password-rules';
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
    if (user.mustChangePassword && user.passwordExpiresAt && user.passwordExpiresAt.getTime() < Date.now()) {
      // Checked after the password, so it tells nothing to someone who does not know it.
      throw new AppError('ONE_TIME_PASSWORD_EXPIRED', 'Your one-time password has expired. Ask an administrator for a new one.');
    }
    return {
      id: user.id, email: user.email, fullName: user.fullName, role: user.role,
      mustChangePassword: user.mustChangePassword, credentialsVersion: user.credentialsVersion, locale: user.locale,
    };
  }

  async login(user: AuthUser): Promise<LoginResponse> {
    // cv: the token dies with the credentials it was made from (a password change or reset)
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role, cv: user.credentialsVersion });
    const full = await this.usersRepo.findById(user.id);
    const profile = mapUser(full!);
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.config.jwtExpiresInSeconds,
      user: { id: profile.id, email: profile.email, fullName: profile.fullName, displayName: profile.displayName, role: profile.role },
      mustChangePassword: user.mustChangePassword,
    };
  }

  /**
   * The current password is checked (and throttled) like a login before the new one is
   * stored. Every token and session made before the change stops working; the returned
   * version lets the caller's own web session carry on.
   */
  async changePassword(user: AuthUser, dto: ChangePasswordDto): Promise<{ credentialsVersion: number }> {
    await this.validateLogin(user.email, dto.currentPassword);
    if (dto.newPassword === dto.currentPassword) {
      throw new AppError('PASSWORD_TOO_WEAK', 'newPassword must differ from the current password.', { errors: [{ field: 'newPassword', rules: { different: 'must differ from the current password' } }] });
    }
    assertAcceptablePassword('newPassword', dto.newPassword, [user.email, user.fullName]);
    return this.users.setPassword(user, await hashPassword(dto.newPassword));
  }

  /**
   * Every authenticated request: the user must still exist and be active, and the token
   * or session must carry the current credentials version.
   */
  async userForToken(userId: string, credentialsVersion = 0): Promise<AuthUser | null> {
    const user = await this.usersRepo.activeCaller(userId);
    return user && user.credentialsVersion === credentialsVersion ? user : null;
  }
}
