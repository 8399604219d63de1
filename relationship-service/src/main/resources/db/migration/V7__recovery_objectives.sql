-- A relationship's recovery objectives: null where not set.
alter table relationship
    add column rpo_objective_seconds integer check (rpo_objective_seconds > 0),
    add column rto_objective_seconds integer check (rto_objective_seconds > 0);
