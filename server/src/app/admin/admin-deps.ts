// What the stories that manage and read records need: the unit of work over the engine's records, the
// channel store, the clock, the one id generator and the authentication service. The composition root
// builds it once for the REST API and once for each run of the command line.
import type { ChannelStore } from '../../core/ports/channel-store';
import type { Clock } from '../../core/ports/clock';
import type { IdGenerator } from '../../core/ports/id-generator';
import type { AuditLog } from '../../core/ports/audit-log';
import type { UnitOfWork } from '../../core/ports/unit-of-work';
import type { AuthService } from '../auth/auth-service';

export interface AdminDeps {
  uow: UnitOfWork;
  channels: ChannelStore;
  clock: Clock;
  ids: IdGenerator;
  auth: AuthService;
  /** Where changes are recorded (support/audit.ts); absent: not recorded. */
  audit?: AuditLog;
}
