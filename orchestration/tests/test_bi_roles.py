"""PostgreSQL roles: the BI reader reads marts and is refused raw and every write.

Needs ``WATTLAS_TEST_POSTGRES=1`` and the PG* variables of a server where PGUSER
may create roles and databases (``make test`` runs a throwaway one). The roles
script (scripts/postgres_roles.sql, run with psql) is applied to a fresh
database with roles of the test's own; each role is then exercised with
``SET ROLE``. A second test runs dbt on one mart of the built warehouse and checks
that its ``grants`` config reached the BI role.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "postgres_roles.sql"
DATABASE = "wattlas_bi_roles_test"
ROLES = {
    "loader_role": "wattlas_test_loader",
    "transformer_role": "wattlas_test_transformer",
    "bi_role": "wattlas_test_bi_reader",
}

pytestmark = pytest.mark.skipif(
    os.environ.get("WATTLAS_TEST_POSTGRES") != "1",
    reason="PostgreSQL role tests need WATTLAS_TEST_POSTGRES=1 and PG* variables",
)


def _psql() -> str:
    found = shutil.which("psql")
    if found:
        return found
    pgbin = Path(os.environ.get("WATTLAS_PGBIN", "/usr/lib/postgresql/15/bin")) / "psql"
    if pgbin.exists():
        return str(pgbin)
    pytest.skip("psql not found (install postgresql-client or set WATTLAS_PGBIN)")


def _connect(database: str | None = None):
    import psycopg2

    connection = psycopg2.connect(dbname=database) if database else psycopg2.connect("")
    connection.autocommit = True
    return connection


def _drop_roles(admin, databases: list[str]) -> None:
    for database in databases:
        try:
            connection = _connect(database)
        except Exception:
            continue
        with connection, connection.cursor() as cursor:
            for role in ROLES.values():
                cursor.execute("select 1 from pg_roles where rolname = %s", (role,))
                if cursor.fetchone():
                    cursor.execute(f'drop owned by "{role}" cascade')
        connection.close()
    with admin.cursor() as cursor:
        for role in ROLES.values():
            cursor.execute(f'drop role if exists "{role}"')


@pytest.fixture
def roles_database() -> Iterator[str]:
    """A fresh database with the roles script applied (test role names)."""
    admin = _connect()
    with admin.cursor() as cursor:
        cursor.execute(f"drop database if exists {DATABASE} with (force)")
        _drop_roles(admin, [])
        cursor.execute(f"create database {DATABASE}")
    command = [_psql(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", DATABASE, "-f", str(SCRIPT)]
    for name, value in ROLES.items():
        command[1:1] = ["-v", f"{name}={value}"]
    env = dict(os.environ, PGDATABASE=DATABASE)
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    # idempotent: a second run succeeds too
    again = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert again.returncode == 0, again.stderr
    try:
        yield DATABASE
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f"drop database if exists {DATABASE} with (force)")
        _drop_roles(admin, [])
        admin.close()


def _as(cursor, role: str, sql: str):
    cursor.execute(f'set role "{role}"')
    try:
        cursor.execute(sql)
        return cursor.fetchall() if cursor.description else None
    finally:
        cursor.execute("reset role")


def _refused(connection, role: str, sql: str) -> bool:
    import psycopg2

    with connection.cursor() as cursor:
        try:
            _as(cursor, role, sql)
        except (psycopg2.errors.InsufficientPrivilege, psycopg2.errors.ReadOnlySqlTransaction):
            cursor.execute("reset role")
            return True
    return False


def test_roles_separate_the_layers(roles_database):
    loader, transformer, bi = ROLES["loader_role"], ROLES["transformer_role"], ROLES["bi_role"]
    connection = _connect(roles_database)
    try:
        with connection.cursor() as cursor:
            # loader writes raw
            _as(cursor, loader, "create table raw.probe (id integer, value text)")
            _as(cursor, loader, "insert into raw.probe values (1, 'a'), (2, 'b')")
            # transformer reads raw (default privileges) and builds every other layer
            _as(cursor, transformer, "create view staging.stg_probe as select * from raw.probe")
            _as(
                cursor,
                transformer,
                "create table marts.fct_probe as select * from staging.stg_probe",
            )
            _as(cursor, transformer, "create table audit.probe_failures as select 1 as id")
            # the BI reader reads a mart the transformer just made (default privileges)
            rows = _as(cursor, bi, "select count(*) from marts.fct_probe")
            assert rows == [(2,)]
        # ... and nothing else
        assert _refused(connection, bi, "select * from raw.probe")
        assert _refused(connection, bi, "select * from staging.stg_probe")
        assert _refused(connection, bi, "select * from audit.probe_failures")
        assert _refused(connection, bi, "insert into marts.fct_probe values (3, 'c')")
        assert _refused(connection, bi, "delete from marts.fct_probe")
        assert _refused(connection, bi, "create table marts.bi_table (id integer)")
        assert _refused(connection, bi, "create table public.bi_table (id integer)")
        assert _refused(connection, bi, "create schema bi_schema")
        # the BI role's sessions are read-only even if a write privilege leaked
        with connection.cursor() as cursor:
            cursor.execute(
                "select unnest(setconfig) from pg_db_role_setting s "
                "join pg_roles r on r.oid = s.setrole where r.rolname = %s",
                (bi,),
            )
            assert ("default_transaction_read_only=on",) in cursor.fetchall()
        # the loader writes raw only; the transformer never writes raw
        assert _refused(connection, loader, "create table staging.loader_table (id integer)")
        assert _refused(connection, loader, "create table marts.loader_table (id integer)")
        assert _refused(connection, loader, "create table public.loader_table (id integer)")
        assert _refused(connection, loader, "create schema loader_schema")
        assert _refused(connection, transformer, "insert into raw.probe values (9, 'z')")
        assert _refused(connection, transformer, "create table raw.transformer_table (id integer)")
    finally:
        connection.close()


def test_dbt_grants_reach_the_bi_role(tmp_path):
    """dbt re-grants select on a rebuilt mart to WATTLAS_BI_READER_ROLE."""
    connection = _connect()
    mart = "fct_infrastructure_by_department"
    bi = ROLES["bi_role"]
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "select 1 from information_schema.tables "
                "where table_schema = 'marts' and table_name = %s",
                (mart,),
            )
            if cursor.fetchone() is None:
                pytest.skip(f"marts.{mart} not built in PGDATABASE (dbt build --target postgres)")
            cursor.execute(f'drop role if exists "{bi}"')
            cursor.execute(f'create role "{bi}" nologin')
            cursor.execute("select has_table_privilege(%s, %s, 'select')", (bi, f"marts.{mart}"))
            assert cursor.fetchone() == (False,)
        env = dict(
            os.environ,
            WATTLAS_BI_READER_ROLE=bi,
            DBT_PROFILES_DIR=str(REPO / "profiles"),
            DBT_SEND_ANONYMOUS_USAGE_STATS="false",
        )
        dbt = Path(sys.executable).with_name("dbt")
        result = subprocess.run(
            [
                str(dbt),
                "run",
                "--target",
                "postgres",
                "--select",
                mart,
                "--target-path",
                str(tmp_path / "target"),
                "--log-path",
                str(tmp_path / "logs"),
            ],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout[-3000:]
        with connection.cursor() as cursor:
            cursor.execute("select has_table_privilege(%s, %s, 'select')", (bi, f"marts.{mart}"))
            assert cursor.fetchone() == (True,)
            cursor.execute("select has_table_privilege(%s, %s, 'insert')", (bi, f"marts.{mart}"))
            assert cursor.fetchone() == (False,)
            # the role may not even reach raw's schema
            cursor.execute("select has_schema_privilege(%s, 'raw', 'usage')", (bi,))
            assert cursor.fetchone() == (False,)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("select 1 from pg_roles where rolname = %s", (bi,))
            if cursor.fetchone():
                cursor.execute(f'drop owned by "{bi}"')
                cursor.execute(f'drop role "{bi}"')
        connection.close()
