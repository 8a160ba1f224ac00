import { Module } from '@nestjs/common';
import { CurriculaModule } from '../curricula/curricula.module';
import { LearningController } from './learning.controller';
import { LearningRepository } from './learning.repository';
import { LearningService } from './learning.service';

@Module({
  imports: [CurriculaModule],
  controllers: [LearningController],
  providers: [LearningService, LearningRepository],
  exports: [LearningRepository],
})
export class LearningModule {}
