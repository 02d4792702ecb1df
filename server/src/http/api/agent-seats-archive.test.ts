// A login linked to agents in two channels when one of its agents is deleted or archived, on a SQLite file
// (the cases: testing/seat-removal-cases.ts; on PostgreSQL: agent-seats-archive-postgres.test.ts).
import { seatRemovalCases } from './testing/seat-removal-cases';

seatRemovalCases(async () => ({}));
