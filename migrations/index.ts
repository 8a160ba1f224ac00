import { CreateUsersAndAudit1763900000000 } from './1763900000000-CreateUsersAndAudit';
import { CreateCurricula1763900100000 } from './1763900100000-CreateCurricula';
import { CreateCohortsAndLearning1763900200000 } from './1763900200000-CreateCohortsAndLearning';
import { CreateHoursAndAttestations1763900300000 } from './1763900300000-CreateHoursAndAttestations';
import { CreateCertificates1763900400000 } from './1763900400000-CreateCertificates';
import { CreateIndicatorTargets1763900500000 } from './1763900500000-CreateIndicatorTargets';
import { AddQuizAttemptProgressIndex1763900600000 } from './1763900600000-AddQuizAttemptProgressIndex';
import { AddWebSessionsAndCredentials1764000000000 } from './1764000000000-AddWebSessionsAndCredentials';
import { AddModuleSources1764100000000 } from './1764100000000-AddModuleSources';
import { RequireSupervisorSignOff1764300000000 } from './1764300000000-RequireSupervisorSignOff';
import { ThrottleSignInByAccountAndAddress1764400000000 } from './1764400000000-ThrottleSignInByAccountAndAddress';
import { CreateRosterImports1764400100000 } from './1764400100000-CreateRosterImports';
import { CreateCertificateBatches1764600000000 } from './1764600000000-CreateCertificateBatches';
import { CoverLedgerSums1764700000000 } from './1764700000000-CoverLedgerSums';

/** Every migration, in order. `npm run migration:generate` prints the line to add here. */
export const migrations = [
  CreateUsersAndAudit1763900000000,
  CreateCurricula1763900100000,
  CreateCohortsAndLearning1763900200000,
  CreateHoursAndAttestations1763900300000,
  CreateCertificates1763900400000,
  CreateIndicatorTargets1763900500000,
  AddQuizAttemptProgressIndex1763900600000,
  AddWebSessionsAndCredentials1764000000000,
  AddModuleSources1764100000000,
  RequireSupervisorSignOff1764300000000,
  ThrottleSignInByAccountAndAddress1764400000000,
  CreateRosterImports1764400100000,
  CreateCertificateBatches1764600000000,
  CoverLedgerSums1764700000000,
];
