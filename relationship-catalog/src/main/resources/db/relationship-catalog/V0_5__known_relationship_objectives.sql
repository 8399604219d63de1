-- The relationship's recovery objectives as relationship-service announces them (null where not set).
alter table known_relationship
    add column if not exists rpo_objective_seconds integer,
    add column if not exists rto_objective_seconds integer;
