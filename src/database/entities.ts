import { AuditEventEntity } from '../audit/entities/audit-event.entity';
import { UserEntity } from '../users/entities/user.entity';

/** Every TypeORM entity. The schema itself is owned by migrations/, never synchronized. */
export const entities = [UserEntity, AuditEventEntity];
