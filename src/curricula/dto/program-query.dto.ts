import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

export class ProgramVersionQueryDto {
  /** An older version's number (see GET /programs/:code/versions); the current one when left out. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) version?: number;
}
