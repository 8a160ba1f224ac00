import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PickType } from '@nestjs/swagger';
import { ListCertificatesQueryDto } from '../../../certificates/dto/list-certificates-query.dto';
import { ReissueDto } from '../../../certificates/dto/reissue.dto';
import { readForm } from '../../forms/form';

/** The register's filters: the API's, and a name or serial to look for. */
export class CertificatesFilter extends PickType(ListCertificatesQueryDto, ['programCode', 'status'] as const) {
  @IsOptional() @IsString() @MaxLength(100) q?: string;
}

export const readCertificatesFilter = (values: Record<string, string>) => readForm(CertificatesFilter, values);

/** The corrected name, or none (then the person's legal name as it is now). */
export function readReissue(body: unknown) {
  const b: Record<string, unknown> = { ...(typeof body === 'object' && body !== null ? body : {}) };
  if (typeof b.fullName === 'string' && !b.fullName.trim()) delete b.fullName;
  return readForm(ReissueDto, b);
}
