// The Reports port on PostgreSQL, through the contract the SQLite adapter and the in-memory reference pass.
import { reportFactsContract } from '../contract/report-facts-contract';
import { reportsContract } from '../contract/reports-contract';
import { PgReports } from './pg-reports';
import { PgUnitOfWork } from './pg-unit-of-work';
import { useMigratedDatabase } from './testing/test-cluster';

const db = useMigratedDatabase();
beforeEach(() => db.truncate());

describe('postgresql Reports', () =>
  reportsContract(() => ({ uow: new PgUnitOfWork(db.pool()), reports: new PgReports(db.pool()), close: () => undefined })));

describe('postgresql Reports: the range reports’ facts', () =>
  reportFactsContract(() => ({ uow: new PgUnitOfWork(db.pool()), reports: new PgReports(db.pool()), close: () => undefined })));
