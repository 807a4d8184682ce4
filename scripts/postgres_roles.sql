-- PostgreSQL production roles and schemas of the Wattlas warehouse.
--
--   psql -v ON_ERROR_STOP=1 -d wattlas -f scripts/postgres_roles.sql
--
-- Run it once per database, as a superuser or a role with CREATEROLE that owns
-- the database (it is idempotent: run it again after adding a schema). It makes
-- one schema per layer and three roles:
--
--   loader       (:loader_role, default wattlas_loader)          owns `raw`: the
--                ingestion (python -m orchestration.ingestion --target postgres)
--                writes raw tables, and nothing else.
--   transformer  (:transformer_role, default wattlas_transformer) reads `raw`, owns
--                staging, intermediate, marts, audit, reference and snapshots: dbt builds there.
--   BI reader    (:bi_role, default wattlas_bi_reader)           reads `marts` (the
--                quality results included) and nothing else, in read-only sessions.
--
-- Role names: psql variables (-v bi_role=...), else the environment variables
-- WATTLAS_LOADER_ROLE, WATTLAS_TRANSFORMER_ROLE, WATTLAS_BI_READER_ROLE, else
-- the defaults above. Passwords only from the environment: WATTLAS_LOADER_PASSWORD,
-- WATTLAS_TRANSFORMER_PASSWORD, WATTLAS_BI_READER_PASSWORD (a role without one
-- keeps its password, or none: then only trust/peer/cert authentication works).
--
-- dbt keeps the BI grants true after every build: the marts config
-- `+grants: {select: [WATTLAS_BI_READER_ROLE]}` (dbt_project.yml) re-grants each
-- rebuilt table, and the default privileges below cover tables the transformer
-- creates outside dbt.

\set ON_ERROR_STOP on
\set QUIET on
\set VERBOSITY terse
set client_min_messages = warning;

\if :{?loader_role}
\else
    \getenv loader_role WATTLAS_LOADER_ROLE
    \if :{?loader_role}
    \else
        \set loader_role wattlas_loader
    \endif
\endif
\if :{?transformer_role}
\else
    \getenv transformer_role WATTLAS_TRANSFORMER_ROLE
    \if :{?transformer_role}
    \else
        \set transformer_role wattlas_transformer
    \endif
\endif
\if :{?bi_role}
\else
    \getenv bi_role WATTLAS_BI_READER_ROLE
    \if :{?bi_role}
    \else
        \set bi_role wattlas_bi_reader
    \endif
\endif
\getenv loader_password WATTLAS_LOADER_PASSWORD
\getenv transformer_password WATTLAS_TRANSFORMER_PASSWORD
\getenv bi_password WATTLAS_BI_READER_PASSWORD

-- --- roles (cluster-wide) ----------------------------------------------------
select format('create role %I login', name)
from (values (:'loader_role'), (:'transformer_role'), (:'bi_role')) as roles (name)
where not exists (select 1 from pg_roles where rolname = roles.name)
\gexec

\if :{?loader_password}
    select format('alter role %I password %L', :'loader_role', :'loader_password') \gexec
\endif
\if :{?transformer_password}
    select format('alter role %I password %L', :'transformer_role', :'transformer_password') \gexec
\endif
\if :{?bi_password}
    select format('alter role %I password %L', :'bi_role', :'bi_password') \gexec
\endif

-- The BI reader cannot write even by mistake, and nobody can create in public.
select format('alter role %I set default_transaction_read_only = on', :'bi_role') \gexec
revoke create on schema public from public;

-- --- this database ---------------------------------------------------------------
select format('revoke all on database %I from public', current_database()) \gexec
select format('grant connect on database %I to %I, %I, %I',
              current_database(), :'loader_role', :'transformer_role', :'bi_role') \gexec
-- The transformer may create schemas (dbt creates missing ones); the loader may
-- not: it owns `raw` and nothing else. (PostgreSQL checks CREATE on the database
-- even for `create schema if not exists` on an existing schema: the loader must
-- not issue it, see docs/analyst_guide.md.)
select format('grant create, temporary on database %I to %I',
              current_database(), :'transformer_role') \gexec

-- --- schemas per layer -----------------------------------------------------------
create schema if not exists raw;
create schema if not exists staging;
create schema if not exists intermediate;
create schema if not exists marts;
create schema if not exists audit;
create schema if not exists reference;
create schema if not exists snapshots;

select format('alter schema raw owner to %I', :'loader_role') \gexec
select format('alter schema %I owner to %I', layer, :'transformer_role')
from (values ('staging'), ('intermediate'), ('marts'), ('audit'), ('reference'), ('snapshots')) as l (layer)
\gexec
revoke all on schema raw, staging, intermediate, marts, audit, reference, snapshots from public;

-- Tables made before this script (e.g. by a superuser) change hands too.
select format('alter table %I.%I owner to %I', schemaname, tablename,
              case when schemaname = 'raw' then :'loader_role' else :'transformer_role' end)
from pg_tables
where schemaname in ('raw', 'staging', 'intermediate', 'marts', 'audit', 'reference', 'snapshots')
\gexec
select format('alter view %I.%I owner to %I', schemaname, viewname, :'transformer_role')
from pg_views
where schemaname in ('staging', 'intermediate', 'marts', 'audit', 'reference', 'snapshots')
\gexec

-- transformer reads raw, now and for the loader's future tables
select format('grant usage on schema raw to %I', :'transformer_role') \gexec
select format('grant select on all tables in schema raw to %I', :'transformer_role') \gexec
select format('alter default privileges for role %I in schema raw grant select on tables to %I',
              :'loader_role', :'transformer_role') \gexec

-- BI reader reads marts only, now and for the transformer's future tables
select format('grant usage on schema marts to %I', :'bi_role') \gexec
select format('grant select on all tables in schema marts to %I', :'bi_role') \gexec
select format('alter default privileges for role %I in schema marts grant select on tables to %I',
              :'transformer_role', :'bi_role') \gexec

\echo roles and schemas ready: loader=:loader_role transformer=:transformer_role bi=:bi_role
