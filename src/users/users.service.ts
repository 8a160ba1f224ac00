import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { assertAcceptablePassword } from './password-rules';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/errors/app-error';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQueryDto } from './dto/list-users-query.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { mapUser, UserResponse } from './dto/user.response';
import { UserEntity } from './entities/user.entity';
import { PasswordHasher } from '../common/hashing/password-hasher';
import { newOneTimePassword } from './one-time-password';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A password an admin sets for someone else is one-time: it must be replaced at first
   * sign-in and expires unused. `oneTime: false` is for passwords the person chose
   * themselves (the first admin from the environment, test users).
   */
  async create(actor: AuthUser | null, dto: CreateUserDto, opts: { oneTime?: boolean } = {}): Promise<UserResponse> {
    assertAcceptablePassword('password', dto.password, [dto.email, dto.fullName]);
    const passwordHash = await this.hasher.hash(dto.password, 'account');
    const oneTime = opts.oneTime ?? true;
    return this.db.transaction(async (m) => {
      if (await this.users.emailTaken(dto.email, m)) {
        throw new AppError('EMAIL_TAKEN', `A user with the email ${dto.email} already exists.`, { field: 'email' });
      }
      const saved = await m.save(m.create(UserEntity, {
        email: dto.email, fullName: dto.fullName, displayName: dto.displayName ?? null, role: dto.role, passwordHash, active: true,
        mustChangePassword: oneTime, passwordExpiresAt: oneTime ? this.oneTimeExpiry() : null,
      }));
      const after = mapUser(saved);
      await this.audit.record(m, { actorId: actor?.id ?? null, action: 'user.create', entityType: 'user', entityId: saved.id, after });
      return after;
    });
  }

  async get(id: string): Promise<UserResponse> {
    const user = await this.users.findById(id);
    if (!user) throw new AppError('USER_NOT_FOUND', 'No user has that id.');
    return mapUser(user);
  }

  async list(query: ListUsersQueryDto): Promise<UserResponse[]> {
    return (await this.users.list(query)).map(mapUser);
  }

  /** One page of the list, with the number of users that match. */
  async page(query: ListUsersQueryDto, page: number, size: number): Promise<{ users: UserResponse[]; total: number }> {
    const [rows, total] = await this.users.page(query, (page - 1) * size, size);
    return { users: rows.map(mapUser), total };
  }

  /** An account an administrator opens: its one-time password is made here and returned once, never stored in the clear. */
  async createWithOneTimePassword(actor: AuthUser, dto: Omit<CreateUserDto, 'password'>): Promise<{ user: UserResponse; oneTimePassword: string }> {
    const oneTimePassword = newOneTimePassword();
    return { user: await this.create(actor, { ...dto, password: oneTimePassword }), oneTimePassword };
  }

  /** A new one-time password for someone who lost theirs: their sessions and tokens end. */
  async resetPassword(actor: AuthUser, id: string): Promise<{ user: UserResponse; oneTimePassword: string }> {
    const oneTimePassword = newOneTimePassword();
    return { user: await this.update(actor, id, { password: oneTimePassword }), oneTimePassword };
  }

  /** Deactivates (sessions and tokens stop working at the next request) or reactivates an account, with the reason in the audit log. */
  async setActive(actor: AuthUser, id: string, active: boolean, reason: string): Promise<UserResponse> {
    if (id === actor.id && !active) throw new AppError('CANNOT_DEACTIVATE_SELF', 'You cannot deactivate yourself or remove your own admin role.');
    return this.db.transaction(async (m) => {
      const user = await m.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new AppError('USER_NOT_FOUND', 'No user has that id.');
      const before = { active: user.active };
      user.active = active;
      const saved = await m.save(user);
      await this.audit.record(m, { actorId: actor.id, action: active ? 'user.reactivate' : 'user.deactivate', entityType: 'user', entityId: id, before, after: { active, reason } });
      return mapUser(saved);
    });
  }

  async update(actor: AuthUser, id: string, dto: UpdateUserDto): Promise<UserResponse> {
    if (id === actor.id && (dto.active === false || (dto.role && dto.role !== 'admin'))) {
      throw new AppError('CANNOT_DEACTIVATE_SELF', 'You cannot deactivate yourself or remove your own admin role.');
    }
    if (dto.password) assertAcceptablePassword('password', dto.password, [dto.fullName ?? '']);
    const passwordHash = dto.password ? await this.hasher.hash(dto.password, 'account') : undefined;
    return this.db.transaction(async (m) => {
      const user = await m.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new AppError('USER_NOT_FOUND', 'No user has that id.');
      const before = mapUser(user);
      if (dto.fullName !== undefined) user.fullName = dto.fullName;
      if (dto.displayName !== undefined) user.displayName = dto.displayName;
      if (dto.role !== undefined) user.role = dto.role;
      if (dto.active !== undefined) user.active = dto.active;
      if (passwordHash) {
        // an admin's reset: a one-time password, and every token and session of the user ends
        user.passwordHash = passwordHash;
        user.mustChangePassword = true;
        user.passwordExpiresAt = this.oneTimeExpiry();
        user.credentialsVersion += 1;
      }
      const saved = await m.save(user);
      const after = mapUser(saved);
      await this.audit.record(m, {
        actorId: actor.id, action: 'user.update', entityType: 'user', entityId: id, before,
        after: passwordHash ? { ...after, passwordChanged: true } : after,
      });
      return after;
    });
  }

  /**
   * A user's own new password (already hashed), audited without the hash. It is no longer
   * one-time, and the credentials version moves on, so every older token and session ends.
   */
  async setPassword(actor: AuthUser, passwordHash: string): Promise<{ credentialsVersion: number }> {
    return this.db.transaction(async (m) => {
      await m.query(
        `UPDATE users SET password_hash = $2, must_change_password = false, password_expires_at = NULL,
                credentials_version = credentials_version + 1, updated_at = now()
          WHERE id = $1`, [actor.id, passwordHash]);
      const [row]: { version: number }[] = await m.query(`SELECT credentials_version AS version FROM users WHERE id = $1`, [actor.id]);
      await this.audit.record(m, { actorId: actor.id, action: 'user.password-change', entityType: 'user', entityId: actor.id, after: { passwordChanged: true } });
      return { credentialsVersion: row.version };
    });
  }

  /** What a user may change about themselves: the name shown on pages and the page language. Audited. */
  async updateOwnProfile(actor: AuthUser, change: { displayName: string | null; locale: 'en' | 'es' }): Promise<UserResponse> {
    return this.db.transaction(async (m) => {
      const user = await m.findOne(UserEntity, { where: { id: actor.id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new AppError('USER_NOT_FOUND', 'No user has that id.');
      const before = { displayName: user.displayName, locale: user.locale };
      user.displayName = change.displayName;
      user.locale = change.locale;
      const saved = await m.save(user);
      await this.audit.record(m, { actorId: actor.id, action: 'user.profile', entityType: 'user', entityId: actor.id, before, after: { displayName: saved.displayName, locale: saved.locale } });
      return mapUser(saved);
    });
  }

  /** The locale a user chose for the pages. */
  async setLocale(actor: AuthUser, locale: 'en' | 'es'): Promise<void> {
    await this.db.query(`UPDATE users SET locale = $2 WHERE id = $1`, [actor.id, locale]);
  }

  private oneTimeExpiry(): Date {
    return new Date(Date.now() + this.config.oneTimePasswordDays * 86_400_000);
  }

  /** The first admin, from PEERCERT_ADMIN_EMAIL/PASSWORD, at a start where no admin exists. */
  async ensureFirstAdmin(email?: string, password?: string): Promise<void> {
    if (!email || !password || (await this.users.adminExists())) return;
    try {
      await this.create(null, { email, password, fullName: 'Administrator', role: 'admin' }, { oneTime: false });
      this.logger.log({ msg: 'created the first admin', email });
    } catch (err) {
      if (err instanceof AppError && err.code === 'EMAIL_TAKEN') {
        this.logger.warn({ msg: 'PEERCERT_ADMIN_EMAIL belongs to an existing non-admin user; no admin was created', email });
        return;
      }
      throw err;
    }
  }
}
