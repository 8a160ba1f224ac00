import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { AppError } from '../common/errors/app-error';
import { PasswordHasher } from '../common/hashing/password-hasher';
import { mapUser } from '../users/dto/user.response';
import { UserEntity } from '../users/entities/user.entity';
import { assertAcceptablePassword } from '../users/password-rules';
import { UsersService } from '../users/users.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { UsersRepository } from '../users/users.repository';
import type { AuthUser } from './auth-user';
import { LoginResponse } from './dto/login.response';
import { UnlockSignInResponse } from './dto/unlock-sign-in.response';
import { SignInThrottleRepository } from './sign-in-throttle.repository';

/** A hash of a random password, so unknown emails cost the same time as wrong passwords. */
const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$Y2xKc1b9m9Qp1m2v7h0kO4c3u9lXl3V9zq3l8p8nYqI';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly usersRepo: UsersRepository,
    private readonly users: UsersService,
    private readonly throttle: SignInThrottleRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The one way to check a password sign-in (the API's login and the web sign-in page
   * alike). The try is counted for this account at this address before the password is
   * looked at; a right password gives it back. An expired one-time password is refused
   * after the password is checked, so the refusal tells nothing to someone who does not
   * know it.
   */
  async signIn(email: string, password: string, clientAddress: string): Promise<AuthUser> {
    const ticket = await this.throttle.reserve(email, clientAddress);
    let user: UserEntity | null;
    let ok: boolean;
    try {
      user = await this.usersRepo.findByEmailWithHash(email.trim());
      ok = await this.hasher.verify(user?.passwordHash ?? DUMMY_HASH, password);
    } catch (err) {
      await this.throttle.refund(ticket); // the password was never checked (e.g. SERVER_BUSY)
      throw err;
    }
    if (!user || !ok || !user.active) {
      throw new AppError('INVALID_CREDENTIALS', 'Email or password is wrong, or the account is deactivated.');
    }
    await this.throttle.succeeded(ticket);
    if (user.mustChangePassword && user.passwordExpiresAt && user.passwordExpiresAt.getTime() < Date.now()) {
      throw new AppError('ONE_TIME_PASSWORD_EXPIRED', 'Your one-time password has expired. Ask an administrator for a new one.');
    }
    return {
      id: user.id, email: user.email, fullName: user.fullName, role: user.role,
      mustChangePassword: user.mustChangePassword, credentialsVersion: user.credentialsVersion, locale: user.locale,
    };
  }

  /** POST /auth/login: a signed-in user gets an access token. */
  async login(email: string, password: string, clientAddress: string): Promise<LoginResponse> {
    return this.issueToken(await this.signIn(email, password, clientAddress));
  }

  async issueToken(user: AuthUser): Promise<LoginResponse> {
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
   * The current password is checked (and throttled) like a sign-in before the new one is
   * stored. Every token and session made before the change stops working; the returned
   * version lets the caller's own web session carry on.
   */
  async changePassword(user: AuthUser, dto: ChangePasswordDto, clientAddress: string): Promise<{ credentialsVersion: number }> {
    await this.signIn(user.email, dto.currentPassword, clientAddress);
    if (dto.newPassword === dto.currentPassword) {
      throw new AppError('PASSWORD_TOO_WEAK', 'newPassword must differ from the current password.', { errors: [{ field: 'newPassword', rules: { different: 'must differ from the current password' } }] });
    }
    assertAcceptablePassword('newPassword', dto.newPassword, [user.email, user.fullName]);
    return this.users.setPassword(user, await this.hasher.hash(dto.newPassword, 'account'));
  }

  /** An admin clears the sign-in throttle of one account at every address (audited). */
  async unlockSignIn(actor: AuthUser, userId: string): Promise<UnlockSignInResponse> {
    return this.db.transaction(async (m) => {
      const user = await this.usersRepo.findById(userId, m);
      if (!user) throw new AppError('USER_NOT_FOUND', 'No user has that id.');
      const clearedAddresses = await this.throttle.clearAccount(user.email, m);
      await this.audit.record(m, { actorId: actor.id, action: 'user.sign-in-unlock', entityType: 'user', entityId: user.id, after: { clearedAddresses } });
      return { userId: user.id, clearedAddresses };
    });
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
