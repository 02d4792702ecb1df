// PostgreSQL step 15: supervisors, and agent logins linked to several agents, as SQLite's step 20 made them.
// The grant tables' CHECK constraints (named by PostgreSQL in step 2) are replaced by named ones admitting
// the supervisor; agent_ids (a JSON array) is NULL for a one-agent login, as every existing row is.
const grantChecks = (table: string) => `
ALTER TABLE ${table} ADD COLUMN agent_ids TEXT;
ALTER TABLE ${table} ADD CONSTRAINT ${table}_role CHECK (role IN ('platform_admin', 'merchant_admin', 'supervisor', 'agent'));
ALTER TABLE ${table} ADD CONSTRAINT ${table}_merchant_admin CHECK (role <> 'merchant_admin' OR (channel_id IS NOT NULL AND merchant_id IS NOT NULL));
ALTER TABLE ${table} ADD CONSTRAINT ${table}_supervisor CHECK (role <> 'supervisor' OR channel_id IS NOT NULL);
ALTER TABLE ${table} ADD CONSTRAINT ${table}_agent CHECK (role <> 'agent' OR agent_id IS NOT NULL);`;

export const supervisorsAndAgentSeatsSchema = `
DO $$
DECLARE c record;
BEGIN
  FOR c IN
    SELECT t.relname AS tab, k.conname AS con
    FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
    WHERE k.contype = 'c' AND t.relname IN ('api_tokens', 'login_accounts') AND t.relnamespace = current_schema()::regnamespace
  LOOP
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', c.tab, c.con);
  END LOOP;
END $$;
${grantChecks('api_tokens')}
${grantChecks('login_accounts')}
`;
