import { PartialType, PickType } from '@nestjs/swagger';
import { CreateCohortDto } from './create-cohort.dto';

/** A cohort's name, site and dates can be corrected; its program (and so its version) cannot. */
export class UpdateCohortDto extends PartialType(PickType(CreateCohortDto, ['name', 'site', 'startsOn', 'endsOn'] as const)) {}
