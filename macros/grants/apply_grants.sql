{#
    dbt `grants` on the marts (dbt_project.yml: marts +grants select) name the BI
    reader role from WATTLAS_BI_READER_ROLE (default wattlas_bi_reader, made by
    scripts/postgres_roles.sql). On PostgreSQL a grantee that is not a role of the
    cluster is skipped with a warning instead of failing the build, so a fresh
    database without the production roles (CI, a laptop) still builds; where the
    roles exist, every build re-grants them. DuckDB has no roles: no-op, no warning.
#}
{% macro wattlas_existing_grantees(grant_config) %}
    {%- set wanted = [] -%}
    {%- for privilege, grantees in (grant_config or {}).items() -%}
        {%- for grantee in grantees if grantee and grantee not in wanted -%}
            {%- do wanted.append(grantee) -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- if not wanted or not execute -%}
        {{ return({}) }}
    {%- endif -%}
    {%- set found = run_query(
        "select rolname from pg_roles where rolname in ('"
        ~ wanted | map('replace', "'", "''") | join("', '") ~ "')"
    ).columns[0].values() -%}
    {%- set kept = {} -%}
    {%- for privilege, grantees in grant_config.items() -%}
        {%- set present = [] -%}
        {%- for grantee in grantees if grantee -%}
            {%- if grantee in found -%}
                {%- do present.append(grantee) -%}
            {%- else -%}
                {%- do exceptions.warn(
                    "grants: role " ~ grantee ~ " does not exist (run "
                    ~ "scripts/postgres_roles.sql); " ~ privilege ~ " not granted") -%}
            {%- endif -%}
        {%- endfor -%}
        {%- if present -%}
            {%- do kept.update({privilege: present}) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(kept) }}
{% endmacro %}

{% macro postgres__apply_grants(relation, grant_config, should_revoke=True) %}
    {{ default__apply_grants(relation, wattlas_existing_grantees(grant_config), should_revoke) }}
{% endmacro %}

{% macro duckdb__apply_grants(relation, grant_config, should_revoke=True) %}
{% endmacro %}
