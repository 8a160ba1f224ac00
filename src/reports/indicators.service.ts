import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/errors/app-error';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { CurriculaRepository } from '../curricula/curricula.repository';
import { toHours } from '../hours/hour-totals';
import { IndicatorTargetDto } from './dto/indicator-target.dto';
import { IndicatorsQueryDto } from './dto/report-queries.dto';
import { IndicatorGroup, IndicatorsReport } from './dto/report.response';
import { IndicatorsRepository } from './indicators.repository';

const key = (program: string, site: string) => `${program}\u0000${site}`;

/** Counts against baselines and targets, the way funders ask for them. */
@Injectable()
export class IndicatorsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: IndicatorsRepository,
    private readonly curricula: CurriculaRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async report(q: IndicatorsQueryDto): Promise<IndicatorsReport> {
    if (q.to < q.from) throw new AppError('BAD_DATE', 'to must be on or after from.', { field: 'to' });
    const args = [q.from, q.to, q.programCode ?? null, q.site ?? null] as const;
    const tz = this.config.timezone;
    const counts = await this.repo.counts(...args, tz);
    const certified = await this.repo.certified(...args);
    const delivered = await this.repo.delivered(...args);
    const rates = await this.repo.passRates(...args, tz);
    const targets = await this.repo.targets();
    const programs = new Map((await this.curricula.currentVersions()).map((v) => [v.programCode, v.definition]));

    const groups = new Map<string, { program: string; site: string }>();
    for (const r of [...counts, ...certified, ...delivered, ...rates]) groups.set(key(r.program_code, r.site), { program: r.program_code, site: r.site });
    const target = (program: string, site: string, indicator: string) =>
      targets.find((t) => t.program_code === program && t.site === site && t.indicator === indicator)
      ?? targets.find((t) => t.program_code === program && t.site === '' && t.indicator === indicator);

    const out: IndicatorGroup[] = [...groups.values()].sort((a, b) => key(a.program, a.site).localeCompare(key(b.program, b.site))).map(({ program, site }) => {
      const c = counts.find((x) => x.program_code === program && x.site === site);
      const rate = rates.find((x) => x.program_code === program && x.site === site);
      const values: [string, string, number | null][] = [
        ['enrolled', 'Trainees enrolled', c?.enrolled ?? 0],
        ['active', 'Active enrollments at the end of the period', c?.active ?? 0],
        ['completed', 'Enrollments completed', c?.completed ?? 0],
        ['certified', 'Trainees certified (certificates issued)', certified.find((x) => x.program_code === program && x.site === site)?.certified ?? 0],
        ['withdrawn', 'Enrollments withdrawn', c?.withdrawn ?? 0],
        ...(programs.get(program)?.hourRequirements ?? []).map((h): [string, string, number] => [
          `hours:${h.category}`, `Hours delivered: ${h.label}`,
          // as in totals: supervised hours count only once their supervisor signed them
          toHours(delivered.filter((x) => x.program_code === program && x.site === site && x.category === h.category && (x.signed || !h.supervised))
            .reduce((n, x) => n + x.minutes, 0)),
        ]),
        ['quiz-pass-rate', 'Quiz pass rate (% of submitted attempts)', rate && rate.submitted ? Math.round((rate.passed * 1000) / rate.submitted) / 10 : null],
      ];
      return {
        programCode: program, site,
        indicators: values.map(([indicator, label, value]) => {
          const t = target(program, site, indicator);
          return { indicator, label, value, baseline: t?.baseline == null ? null : Number(t.baseline), target: t?.target == null ? null : Number(t.target) };
        }),
      };
    });
    return { from: q.from, to: q.to, groups: out };
  }

  /** The baseline and target set for exactly this program, site ('' for every site) and indicator. */
  async target(programCode: string, site: string, indicator: string): Promise<{ baseline: number | null; target: number | null }> {
    const t = (await this.repo.targets()).find((x) => x.program_code === programCode && x.site === site && x.indicator === indicator);
    return { baseline: t?.baseline == null ? null : Number(t.baseline), target: t?.target == null ? null : Number(t.target) };
  }

  async setTarget(actor: AuthUser, dto: IndicatorTargetDto): Promise<IndicatorTargetDto & { site: string }> {
    const site = dto.site?.trim() ?? '';
    if (!(await this.curricula.version(dto.programCode))) throw new AppError('PROGRAM_NOT_FOUND', `No program has the code "${dto.programCode}".`, { field: 'programCode' });
    return this.db.transaction(async (m) => {
      const [before] = await m.query(`SELECT baseline::float, target::float FROM indicator_targets WHERE program_code = $1 AND site = $2 AND indicator = $3`, [dto.programCode, site, dto.indicator]);
      await m.query(
        `INSERT INTO indicator_targets (program_code, site, indicator, baseline, target, updated_by) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (program_code, site, indicator) DO UPDATE SET baseline = $4, target = $5, updated_by = $6, updated_at = now()`,
        [dto.programCode, site, dto.indicator, dto.baseline ?? null, dto.target ?? null, actor.id],
      );
      const after = { programCode: dto.programCode, site, indicator: dto.indicator, baseline: dto.baseline ?? null, target: dto.target ?? null };
      await this.audit.record(m, { actorId: actor.id, action: 'indicator-target.set', entityType: 'indicator-target', entityId: `${dto.programCode}/${site || '*'}/${dto.indicator}`, before: before ?? null, after });
      return after;
    });
  }
}
