import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';
import { CurriculaRepository } from './curricula.repository';
import { mapLesson, mapModuleSummary, ModuleDetailResponse, ProgramDetailResponse } from './dto/module.response';
import { mapProgramSummary, mapVersionRef, ProgramSummaryResponse, ProgramVersionRef } from './dto/program.response';
import { mapSources } from './dto/source.response';
import { ProgramVersionEntity } from './entities/program-version.entity';

@Injectable()
export class CurriculaService {
  constructor(private readonly repo: CurriculaRepository) {}

  async listCurrent(): Promise<ProgramSummaryResponse[]> {
    const versions = await this.repo.currentVersions();
    const counts = new Map((await this.repo.moduleCounts(versions.map((v) => v.id))).map((c) => [c.versionId, c.modules]));
    return versions.map((v) => mapProgramSummary(v, counts.get(v.id) ?? 0));
  }

  async get(code: string, seq?: number): Promise<ProgramDetailResponse> {
    const version = await this.requireVersion(code, seq);
    const [modules, stats] = await Promise.all([this.repo.modules(version.id), this.repo.moduleStats(version.id)]);
    const byModule = new Map(stats.map((s) => [s.moduleId, s]));
    return {
      ...mapProgramSummary(version, modules.length),
      modules: modules.map((m) => mapModuleSummary(m, byModule.get(m.id)?.lessonCount ?? 0, byModule.get(m.id)?.questionCount ?? 0)),
      sources: mapSources(version.definition.sources),
    };
  }

  async versions(code: string): Promise<ProgramVersionRef[]> {
    const versions = await this.repo.versions(code);
    if (versions.length === 0) throw new AppError('PROGRAM_NOT_FOUND', `No program has the code "${code}".`);
    return versions.map(mapVersionRef);
  }

  async module(code: string, number: number, seq?: number): Promise<ModuleDetailResponse> {
    const version = await this.requireVersion(code, seq);
    return this.moduleOfVersion(version, number);
  }

  async moduleOfVersion(version: ProgramVersionEntity, number: number): Promise<ModuleDetailResponse> {
    const mod = await this.repo.module(version.id, number);
    if (!mod) throw new AppError('MODULE_NOT_FOUND', `${version.title} has no module ${number}.`);
    const [lessons, stats] = await Promise.all([this.repo.lessons(mod.id), this.repo.moduleStats(version.id)]);
    const pool = stats.find((s) => s.moduleId === mod.id)?.questionCount ?? 0;
    return {
      ...mapModuleSummary(mod, lessons.length, pool),
      programCode: version.programCode,
      programVersion: version.seq,
      keyTerms: mod.keyTerms,
      lessons: lessons.map(mapLesson),
      sources: mapSources(mod.sources),
    };
  }

  private async requireVersion(code: string, seq?: number): Promise<ProgramVersionEntity> {
    const version = await this.repo.version(code, seq);
    if (!version) {
      throw new AppError('PROGRAM_NOT_FOUND', seq === undefined ? `No program has the code "${code}".` : `Program "${code}" has no version ${seq}.`);
    }
    return version;
  }
}
