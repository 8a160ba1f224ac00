import { Module } from '@nestjs/common';
import { CurriculaModule } from '../curricula/curricula.module';
import { AttestationsController } from './attestations.controller';
import { AttestationsService } from './attestations.service';

@Module({
  imports: [CurriculaModule],
  controllers: [AttestationsController],
  providers: [AttestationsService],
  exports: [AttestationsService],
})
export class AttestationsModule {}
