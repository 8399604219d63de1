-- The recycle bin's record inside a managed database. It lives with the data: it survives a loss of
-- recyclebin-service's own database and reaches a DR cluster through replication.
create schema if not exists drsuite_recyclebin;
create table if not exists drsuite_recyclebin.entries (
    id              uuid primary key,
    kind            text        not null check (kind in ('table', 'schema', 'database')),
    database_name   text        not null,
    original_schema text,
    original_name   text        not null,
    bin_name        text        not null,
    dropped_at      timestamptz not null,
    expires_at      timestamptz not null,
    dropped_by      text        not null,
    size_bytes      bigint      not null
);
-- A recycled schema's own objects when it went into the bin ('<catalog oid>:<object oid>'): a purge drops these
-- and refuses when something else has been put into the schema since.
alter table drsuite_recyclebin.entries add column if not exists contents text[];
-- How long recycle_table() keeps a table; recyclebin-service writes the cluster's retention here.
create table if not exists drsuite_recyclebin.settings (
    only_row  boolean primary key default true check (only_row),
    retention interval not null
);
-- Schemas whose tables the guard keeps from a plain DROP TABLE.
create table if not exists drsuite_recyclebin.guarded_schemas (
    schema_name text primary key
);
-- Only the role that manages the bin (the suite's admin login) writes these; recycle_table() writes the record as
-- that role. A write privilege granted by hand to another role is taken back here (reading stays as granted).
revoke all on drsuite_recyclebin.entries, drsuite_recyclebin.settings, drsuite_recyclebin.guarded_schemas
    from public;
revoke create on schema drsuite_recyclebin from public;
do $bin_grants$
declare
    granted record;
begin
    for granted in
        select distinct c.oid::regclass::text as bin_table, pg_get_userbyid(a.grantee) as grantee
          from pg_class c, aclexplode(c.relacl) a
         where c.relnamespace = 'drsuite_recyclebin'::regnamespace and c.relkind = 'r'
           and a.grantee <> c.relowner and a.grantee <> 0 and a.privilege_type <> 'SELECT'
    loop
        execute format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON %s FROM %I',
                       granted.bin_table, granted.grantee);
    end loop;
end
$bin_grants$;
