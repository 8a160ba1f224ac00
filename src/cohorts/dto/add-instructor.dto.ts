import { IsUUID } from 'class-validator';

export class AddInstructorDto {
  @IsUUID() userId: string;
}
