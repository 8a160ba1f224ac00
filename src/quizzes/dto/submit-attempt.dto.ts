import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';

export class AnswerDto {
  @IsUUID() questionId: string;

  @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @MaxLength(20, { each: true })
  optionIds: string[];
}

export class SubmitAttemptDto {
  @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => AnswerDto)
  answers: AnswerDto[];
}
