import { IsOptional, IsString, MaxLength } from 'class-validator';

export class ListCohortsQueryDto {
  @IsOptional() @IsString() @MaxLength(60) programCode?: string;
  @IsOptional() @IsString() @MaxLength(200) site?: string;
}
