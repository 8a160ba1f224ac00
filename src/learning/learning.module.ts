import { Module } from '@nestjs/common';
import { CurriculaModule } from '../curricula/curricula.module';
import { LearningController } from './learning.controller';
import { LearningRepository } from './learning.repository';
import { LearningService } from './learning.service';
import { StudyService } from './study.service';
import { EnrollmentsModule } from '../enrollments/enrollments.module';

@Module({
  imports: [CurriculaModule, EnrollmentsModule],
  controllers: [LearningController],
  providers: [LearningService, LearningRepository, StudyService],
  exports: [LearningRepository, LearningService, StudyService],
})
export class LearningModule {}
