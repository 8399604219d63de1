-- The suite's two logins on a demo cluster, created or updated: drsuite_admin (superuser) and drsuite_repl
-- (replication). Run by psql with -v admin=<name> -v repl=<name>; the passwords come from the environment
-- (DEMO_ADMIN_PASSWORD, DEMO_REPLICATION_PASSWORD) through \getenv, never argv, and the server quotes them (%L).
-- A demo cluster may have been left as the production side of a synchronous relationship whose DR side is not up
-- yet: these commits must not wait for a standby.
SET synchronous_commit = local;
\getenv admin_password DEMO_ADMIN_PASSWORD
\getenv repl_password DEMO_REPLICATION_PASSWORD
SELECT format('CREATE ROLE %I', r)
  FROM unnest(ARRAY[:'admin', :'repl']) AS r
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) \gexec
SELECT format('ALTER ROLE %I WITH SUPERUSER LOGIN PASSWORD %L',
              :'admin', :'admin_password') \gexec
SELECT format('ALTER ROLE %I WITH NOSUPERUSER REPLICATION LOGIN PASSWORD %L',
              :'repl', :'repl_password') \gexec
