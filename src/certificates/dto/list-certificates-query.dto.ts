import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class ListCertificatesQueryDto {
  @IsOptional() @IsString() @MaxLength(60) programCode?: string;
  @IsOptional() @IsIn(['valid', 'expired', 'revoked', 'superseded']) status?: 'valid' | 'expired' | 'revoked' | 'superseded';
  @IsOptional() @IsUUID() enrollmentId?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10000) limit?: number;
}
