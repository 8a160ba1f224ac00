import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('cohort_instructors')
export class CohortInstructorEntity {
  @PrimaryColumn({ name: 'cohort_id', type: 'uuid' }) cohortId: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  @CreateDateColumn({ name: 'added_at', type: 'timestamptz' }) addedAt: Date;
}
