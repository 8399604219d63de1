-- For psql users: recycle a table with SQL, recorded like a recycle through the API.
-- It runs as the role that installed it (SECURITY DEFINER, with a fixed search_path so no object of the caller's
-- can stand in for one it uses): callers need no right on the bin's tables, so nobody but that role writes the
-- bin's record. In exchange it checks what DROP TABLE would: only a member of the table's owner role may recycle it.
create or replace function drsuite_recyclebin.recycle_table(target regclass) returns uuid
language plpgsql security definer set search_path = pg_catalog, pg_temp as $function$
declare
    entry uuid := gen_random_uuid();
    bin text := 'drsuite_rb_' || substr(replace(entry::text, '-', ''), 1, 12);
    table_schema text;
    table_name text;
    table_owner oid;
    bytes bigint;
    keep interval;
    blocker text;
begin
    select n.nspname, c.relname, c.relowner, pg_total_relation_size(c.oid)
      into table_schema, table_name, table_owner, bytes
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.oid = target and c.relkind = 'r' and not c.relispartition;
    if table_name is null then
        raise exception 'drsuite recycle bin: % is not an ordinary table', target;
    end if;
    if not pg_has_role(session_user, table_owner, 'USAGE') then
        raise exception 'drsuite recycle bin: only the owner of % may recycle it, and % is not', target, session_user
            using errcode = '42501';
    end if;
    if table_schema in ('pg_catalog', 'information_schema', 'drsuite_recyclebin')
            or table_schema like 'pg\_%' or table_schema like 'drsuite\_rb\_%' then
        raise exception 'drsuite recycle bin: % is in a system schema', target;
    end if;
    select string_agg(what, ', ') into blocker from (
        select format('foreign key %s on %s', conname, conrelid::regclass) as what
          from pg_constraint where contype = 'f' and confrelid = target and conrelid <> target
        union all
        select format('view %s', r.ev_class::regclass)
          from pg_depend d join pg_rewrite r on r.oid = d.objid
         where d.classid = 'pg_rewrite'::regclass and d.refobjid = target and r.ev_class <> target
    ) dependents;
    if blocker is not null then
        raise exception 'drsuite recycle bin: % is used by %; drop those first', target, blocker;
    end if;
    keep := coalesce((select retention from drsuite_recyclebin.settings), interval '1 day');
    execute format('CREATE SCHEMA %I', bin);
    execute format('ALTER TABLE %I.%I SET SCHEMA %I', table_schema, table_name, bin);
    insert into drsuite_recyclebin.entries (id, kind, database_name, original_schema, original_name, bin_name,
                                            dropped_at, expires_at, dropped_by, size_bytes)
        values (entry, 'table', current_database(), table_schema, table_name, bin, now(), now() + keep,
                session_user, bytes);
    return entry;
end
$function$;

-- The guard: a plain DROP TABLE of a table in a guarded schema is refused, naming the function to use instead.
-- It reads the bin's settings as their owner, so a DROP TABLE by any role works where the schema is not guarded.
create or replace function drsuite_recyclebin.guard_drop() returns event_trigger
language plpgsql security definer set search_path = pg_catalog, pg_temp as $function$
declare
    dropped record;
begin
    for dropped in select * from pg_event_trigger_dropped_objects()
                    where object_type = 'table' and original
                      and schema_name in (select schema_name from drsuite_recyclebin.guarded_schemas) loop
        raise exception 'DROP TABLE %.% refused: schema % is guarded by the DR Suite recycle bin; recycle the table with SELECT drsuite_recyclebin.recycle_table(%)',
            dropped.schema_name, dropped.object_name, dropped.schema_name,
            quote_literal(quote_ident(dropped.schema_name) || '.' || quote_ident(dropped.object_name));
    end loop;
end
$function$;

-- Any role may call recycle_table() (it checks ownership itself); nothing else of the bin is theirs to use.
revoke all on function drsuite_recyclebin.guard_drop() from public;
revoke all on function drsuite_recyclebin.recycle_table(regclass) from public;
grant execute on function drsuite_recyclebin.recycle_table(regclass) to public;
grant usage on schema drsuite_recyclebin to public;
