import { Module } from '@nestjs/common';
import { CurriculaModule } from '../curricula/curricula.module';
import { HoursModule } from '../hours/hours.module';
import { LearningModule } from '../learning/learning.module';
import { EligibilityController } from './eligibility.controller';
import { EligibilityRepository } from './eligibility.repository';
import { EligibilityService } from './eligibility.service';

@Module({
  imports: [CurriculaModule, HoursModule, LearningModule],
  controllers: [EligibilityController],
  providers: [EligibilityService, EligibilityRepository],
  exports: [EligibilityService],
})
export class EligibilityModule {}
