import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permissions';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { CurriculaService } from './curricula.service';
import { ModuleDetailResponse, ProgramDetailResponse } from './dto/module.response';
import { ProgramVersionQueryDto } from './dto/program-query.dto';
import { ProgramSummaryResponse, ProgramVersionRef } from './dto/program.response';

@ApiTags('programs')
@Controller('programs')
export class CurriculaController {
  constructor(private readonly curricula: CurriculaService) {}

  @Get()
  @RequirePermission(Permission.ProgramsRead)
  list(): Promise<ProgramSummaryResponse[]> {
    return this.curricula.listCurrent();
  }

  @Get(':code')
  @RequirePermission(Permission.ProgramsRead)
  get(@Param('code') code: string, @Query() q: ProgramVersionQueryDto): Promise<ProgramDetailResponse> {
    return this.curricula.get(code, q.version);
  }

  @Get(':code/versions')
  @RequirePermission(Permission.ProgramsRead)
  versions(@Param('code') code: string): Promise<ProgramVersionRef[]> {
    return this.curricula.versions(code);
  }

  @Get(':code/modules/:number')
  @RequirePermission(Permission.ProgramsRead)
  module(@Param('code') code: string, @Param('number', ParseIntPipe) number: number, @Query() q: ProgramVersionQueryDto): Promise<ModuleDetailResponse> {
    return this.curricula.module(code, number, q.version);
  }
}
