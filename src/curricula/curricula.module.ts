import { Module } from '@nestjs/common';
import { CurriculaController } from './curricula.controller';
import { CurriculaRepository } from './curricula.repository';
import { CurriculaService } from './curricula.service';

@Module({
  controllers: [CurriculaController],
  providers: [CurriculaService, CurriculaRepository],
  exports: [CurriculaService, CurriculaRepository],
})
export class CurriculaModule {}
