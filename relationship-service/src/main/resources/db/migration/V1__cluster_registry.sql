-- The cluster registry. Passwords are sealed (AES-256-GCM under the suite key), never stored in clear.
create table cluster (
    id                          uuid primary key,
    name                        text        not null unique,
    server_version              text        not null,
    major_version               integer     not null,
    system_identifier           text        not null,
    admin_username              text        not null,
    admin_password_sealed       text        not null,
    replication_username        text        not null,
    replication_password_sealed text        not null,
    registered_at               timestamptz not null
);

create table cluster_node (
    id             uuid primary key,
    cluster_id     uuid    not null references cluster (id) on delete cascade,
    position       integer not null,
    name           text    not null,
    host           text    not null,
    port           integer not null check (port between 1 and 65535),
    data_directory text    not null,
    role           text    not null check (role in ('PRIMARY', 'STANDBY')),
    access_kind    text    not null check (access_kind in ('LOCAL', 'SSH')),
    os_user        text,
    ssh_host       text,
    ssh_port       integer,
    ssh_user       text,
    ssh_key_ref    text,
    unique (cluster_id, name),
    -- one server belongs to one registered cluster
    unique (host, port)
);
