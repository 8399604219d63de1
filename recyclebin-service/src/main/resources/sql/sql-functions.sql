-- For psql users: recycle a table with SQL, recorded like a recycle through the API.
create or replace function drsuite_recyclebin.recycle_table(target regclass) returns uuid
language plpgsql as $function$
declare
    entry uuid := gen_random_uuid();
    bin text := 'drsuite_rb_' || substr(replace(entry::text, '-', ''), 1, 12);
    table_schema text;
    table_name text;
    bytes bigint;
    keep interval;
    blocker text;
begin
    select n.nspname, c.relname, pg_total_relation_size(c.oid) into table_schema, table_name, bytes
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.oid = target and c.relkind = 'r' and not c.relispartition;
    if table_name is null then
        raise exception 'drsuite recycle bin: % is not an ordinary table', target;
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
    insert into drsuite_recyclebin.entries
        values (entry, 'table', current_database(), table_schema, table_name, bin, now(), now() + keep,
                current_user, bytes);
    return entry;
end
$function$;

-- The guard: a plain DROP TABLE of a table in a guarded schema is refused, naming the function to use instead.
create or replace function drsuite_recyclebin.guard_drop() returns event_trigger
language plpgsql as $function$
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
