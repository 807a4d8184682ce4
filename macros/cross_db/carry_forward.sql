{#
    wattlas_carry_forward(relation, partition_by, order_by, carried)

    A select of every row of `relation` (a CTE name) with, for each marker
    column, values read from the latest row of its partition (order_by,
    current row included) where that marker is not NULL. This is
    `last_value(... ignore nulls) over (...)`, which PostgreSQL does not
    have (no IGNORE NULLS), written the same way on both engines: a running
    count of the non-NULL markers numbers groups (one marked row and the
    unmarked rows after it), and max() over a group reads the one marked
    row. Rows before the first marked row get NULL. DuckDB has IGNORE NULLS
    and takes it (duckdb__): one window and one sort for every marker, where
    the count and the max cost a sort each per marker (three times slower on
    a national day). A marker's values travel in one struct, non-NULL on
    every marked row, so a NULL value on a marked row is carried as NULL, as
    the groups do; it adds <marker>_carried columns.

    - partition_by, order_by  lists of column names of `relation`; order_by
      must order the rows fully (ties make the carried values arbitrary).
    - carried  {marker column: {output column: value column}}: each value is
      read on the row where its marker is not NULL (the marker itself, or
      e.g. the date of that row). The default variant adds
      <marker>_carry_group columns too: select the outputs by name.
#}

{% macro wattlas_carry_forward(relation, partition_by, order_by, carried) -%}
    {%- if adapter is defined -%}
        {{ return(adapter.dispatch('wattlas_carry_forward', 'wattlas')(
            relation, partition_by, order_by, carried)) }}
    {%- else -%}
        {{ return(default__wattlas_carry_forward(relation, partition_by, order_by, carried)) }}
    {%- endif -%}
{%- endmacro %}

{% macro default__wattlas_carry_forward(relation, partition_by, order_by, carried) -%}
    {%- set grouped_partition, inner_partition, inner_order = [], [], [] -%}
    {%- for column in partition_by -%}
        {%- do grouped_partition.append('carry_grouped.' ~ column) -%}
        {%- do inner_partition.append(relation ~ '.' ~ column) -%}
    {%- endfor -%}
    {%- for column in order_by -%}
        {%- do inner_order.append(relation ~ '.' ~ column) -%}
    {%- endfor -%}
    {%- set group_columns, carried_columns = [], [] -%}
    {%- for marker, outputs in carried.items() -%}
        {%- do group_columns.append(
            'count(' ~ relation ~ '.' ~ marker ~ ') over (partition by '
            ~ inner_partition | join(', ') ~ ' order by ' ~ inner_order | join(', ')
            ~ ' rows between unbounded preceding and current row) as '
            ~ marker ~ '_carry_group'
        ) -%}
        {%- for output, value in outputs.items() -%}
            {%- do carried_columns.append(
                'max(case when carry_grouped.' ~ marker ~ ' is not null then carry_grouped.'
                ~ value ~ ' end) over (partition by ' ~ grouped_partition | join(', ')
                ~ ', carry_grouped.' ~ marker ~ '_carry_group) as ' ~ output
            ) -%}
        {%- endfor -%}
    {%- endfor -%}
    select
        carry_grouped.*,
        {{ carried_columns | join(',\n        ') }}
    from (
        select
            {{ relation }}.*,
            {{ group_columns | join(',\n            ') }}
        from {{ relation }}
    ) as carry_grouped
{%- endmacro %}

{% macro duckdb__wattlas_carry_forward(relation, partition_by, order_by, carried) -%}
    {%- set partition, order = [], [] -%}
    {%- for column in partition_by -%}
        {%- do partition.append(relation ~ '.' ~ column) -%}
    {%- endfor -%}
    {%- for column in order_by -%}
        {%- do order.append(relation ~ '.' ~ column) -%}
    {%- endfor -%}
    {%- set packed_columns, carried_columns = [], [] -%}
    {%- for marker, outputs in carried.items() -%}
        {%- set fields = [] -%}
        {%- for output, value in outputs.items() -%}
            {%- do fields.append(output ~ ' := ' ~ relation ~ '.' ~ value) -%}
            {%- do carried_columns.append(
                "struct_extract(carry_packed." ~ marker ~ "_carried, '" ~ output ~ "') as " ~ output
            ) -%}
        {%- endfor -%}
        {%- do packed_columns.append(
            'last_value(case when ' ~ relation ~ '.' ~ marker ~ ' is not null then struct_pack('
            ~ fields | join(', ') ~ ') end ignore nulls) over (partition by '
            ~ partition | join(', ') ~ ' order by ' ~ order | join(', ')
            ~ ' rows between unbounded preceding and current row) as ' ~ marker ~ '_carried'
        ) -%}
    {%- endfor -%}
    select
        carry_packed.*,
        {{ carried_columns | join(',\n        ') }}
    from (
        select
            {{ relation }}.*,
            {{ packed_columns | join(',\n            ') }}
        from {{ relation }}
    ) as carry_packed
{%- endmacro %}
