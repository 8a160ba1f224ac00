import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { UserEntity } from './entities/user.entity';
import { ListUsersQueryDto } from './dto/list-users-query.dto';
import { rows, statement } from '../database/prepared';

const ACTIVE_CALLER = statement('users.active-caller', `SELECT id, email, full_name AS "fullName", role, must_change_password AS "mustChangePassword",
  credentials_version AS "credentialsVersion", locale FROM users WHERE id = $1 AND active`);

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  findById(id: string, manager: EntityManager = this.db.manager): Promise<UserEntity | null> {
    return manager.findOne(UserEntity, { where: { id } });
  }

  /**
   * The signed-in caller, on every authenticated request: one indexed lookup, a named
   * statement (no entity hydration), only active users. Never cached: a deactivation or a
   * role change applies at the next request, on every instance.
   */
  async activeCaller(id: string): Promise<AuthUser | undefined> {
    return (await rows<AuthUser>(this.db, ACTIVE_CALLER, [id]))[0];
  }

  /** With the password hash, for login only. */
  findByEmailWithHash(email: string): Promise<UserEntity | null> {
    return this.db.getRepository(UserEntity).createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
  }

  emailTaken(email: string, manager: EntityManager = this.db.manager): Promise<boolean> {
    return manager.getRepository(UserEntity).createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email }).getExists();
  }

  list(q: ListUsersQueryDto): Promise<UserEntity[]> {
    return this.filtered(q).limit(5000).getMany();
  }

  /** One page of the filtered list, and how many match in all. */
  page(q: ListUsersQueryDto, offset: number, limit: number): Promise<[UserEntity[], number]> {
    return this.filtered(q).offset(offset).limit(limit).getManyAndCount();
  }

  private filtered(q: ListUsersQueryDto) {
    const qb = this.db.getRepository(UserEntity).createQueryBuilder('u').orderBy('u.fullName').addOrderBy('u.id');
    if (q.role) qb.andWhere('u.role = :role', { role: q.role });
    if (q.active !== undefined) qb.andWhere('u.active = :active', { active: q.active });
    if (q.q) {
      const like = q.q.replace(/[\\%_]/g, (c) => `\\${c}`);
      qb.andWhere('(lower(u.email) LIKE lower(:prefix) OR u.fullName ILIKE :any)', { prefix: `${like}%`, any: `%${like}%` });
    }
    return qb;
  }

  adminExists(): Promise<boolean> {
    return this.db.getRepository(UserEntity).exists({ where: { role: 'admin', active: true } });
  }
}
