import { Module } from '@nestjs/common';
import { CurriculaModule } from '../curricula/curricula.module';
import { CohortsController } from './cohorts.controller';
import { CohortsRepository } from './cohorts.repository';
import { CohortsService } from './cohorts.service';

@Module({
  imports: [CurriculaModule],
  controllers: [CohortsController],
  providers: [CohortsService, CohortsRepository],
  exports: [CohortsRepository, CohortsService],
})
export class CohortsModule {}
