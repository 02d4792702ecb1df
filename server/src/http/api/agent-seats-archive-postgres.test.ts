// A login linked to agents in two channels when one of its agents is deleted or archived, on PostgreSQL
// (the cases: testing/seat-removal-cases.ts; on a SQLite file: agent-seats-archive.test.ts).
import { usePostgres } from '../../storage/postgres/testing/test-cluster';
import { seatRemovalCases } from './testing/seat-removal-cases';

const pg = usePostgres();
seatRemovalCases(async () => ({ databaseUrl: await pg.createDatabase() }));
