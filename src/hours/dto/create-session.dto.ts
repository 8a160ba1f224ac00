import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { HourAmountDto } from './hour-amount.dto';

export class CreateSessionDto extends HourAmountDto {
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString() @MinLength(1) @MaxLength(500)
  topic: string;

  /** Who attended: enrollments of this cohort. */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ArrayUnique() @IsUUID('all', { each: true })
  enrollmentIds: string[];

  /**
   * The instructor of the cohort who supervised the session, when it is not the one
   * recording it: the entries then wait for their approval. An admin recording a session of
   * a supervised category must name one.
   */
  @IsOptional() @IsUUID()
  supervisorId?: string;
}
