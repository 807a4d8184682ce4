{#
    The delete+insert strategy of dbt-duckdb deletes with a join on the
    unique key when it is a list of columns (DELETE ... USING the new rows).
    The usage stores key on (period, period_start), shared by tens of
    thousands of rows each, so that join pairs every new row with every old
    row of its period: 21 s for 60,000 rows against 60,000, and minutes for a
    national day. dbt's own default deletes where the key is in the distinct
    keys of the new rows (a semi-join), as it already does on PostgreSQL.
#}
{% macro duckdb__get_delete_insert_merge_sql(
    target, source, unique_key, dest_columns, incremental_predicates
) -%}
    {{ dbt.default__get_delete_insert_merge_sql(
        target, source, unique_key, dest_columns, incremental_predicates
    ) }}
{%- endmacro %}
