{#
    The data tests of a daily run read the days that run rebuilt, not the
    whole history, so a day's tests cost that day's work.

    - default__get_where_subquery(relation)  dbt's hook for what a generic
      test reads (the `where` config), here with one more condition when the
      var `wattlas_test_rebuilt_days_only` is true (the build runner passes
      it on a build of what changed, Dagster on a daily partition run) and
      the tested model declares the day column of its rows in meta
      `rebuilt_day_column`: that day from the first rebuilt day on (var
      min_date, up to max_date, for a partition run; else the first day of
      the latest rebuild window, int_usage_rebuild_windows). Only models
      incremental by day declare it: a run rewrites no earlier day of
      theirs, and their uniqueness keys hold the day, so a rebuilt row
      cannot collide with an earlier one. A full build and `make test` test
      everything.
    - wattlas_rebuilt_days_condition(relation)  that condition, or none.
    - wattlas_partition_days_condition(day_column)  the days of the vars
      min_date (and max_date, exclusive).
#}

{% macro default__get_where_subquery(relation) -%}
    {%- set conditions = [] -%}
    {%- set where = config.get('where', '') -%}
    {%- if where -%}
        {%- do conditions.append('(' ~ where ~ ')') -%}
    {%- endif -%}
    {%- set rebuilt = wattlas_rebuilt_days_condition(relation) -%}
    {%- if rebuilt -%}
        {%- do conditions.append(rebuilt) -%}
    {%- endif -%}
    {%- if conditions -%}
        {%- do return('(select * from ' ~ relation ~ ' where '
            ~ conditions | join(' and ') ~ ') dbt_subquery') -%}
    {%- else -%}
        {%- do return(relation) -%}
    {%- endif -%}
{%- endmacro %}

{% macro wattlas_rebuilt_days_condition(relation) -%}
    {%- set found = namespace(day_column=none, windows=none) -%}
    {%- if execute and var('wattlas_test_rebuilt_days_only', false) -%}
        {%- for node in graph.nodes.values() -%}
            {%- if node.resource_type == 'model' and node.alias == relation.identifier
                and node.schema == relation.schema -%}
                {%- set found.day_column = node.config.meta.get('rebuilt_day_column') -%}
            {%- elif node.resource_type == 'model' and node.name == 'int_usage_rebuild_windows' -%}
                {%- set found.windows = api.Relation.create(
                    database=node.database, schema=node.schema, identifier=node.alias) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {%- if not found.day_column -%}
        {{ return(none) }}
    {%- elif var('min_date', none) -%}
        {{ return(wattlas_partition_days_condition(found.day_column)) }}
    {%- else -%}
        {{ return(found.day_column ~ ' >= (select rebuild_window.first_day from '
            ~ found.windows ~ ' as rebuild_window where rebuild_window.last_loaded_at = (select'
            ~ ' max(latest.last_loaded_at) from ' ~ found.windows ~ ' as latest))') }}
    {%- endif -%}
{%- endmacro %}

{% macro wattlas_partition_days_condition(day_column) -%}
    ({{ day_column }} >= cast('{{ var('min_date') }}' as date)
    {%- if var('max_date', none) %}
        and {{ day_column }} < cast('{{ var('max_date') }}' as date)
    {%- endif -%})
{%- endmacro %}
