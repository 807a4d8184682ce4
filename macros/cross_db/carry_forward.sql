{#
    wattlas_carry_forward(relation, partition_by, order_by, carried)

    A select of every row of `relation` (a CTE name) with, for each marker
    column, values read from the latest row of its partition (order_by,
    current row included) where that marker is not NULL. This is
    `last_value(... ignore nulls) over (...)`, which PostgreSQL does not
    have (no IGNORE NULLS), written the same way on both engines: a running
    count of the non-NULL markers numbers groups (one marked row and the
    unmarked rows after it), and max() over a group reads the one marked
    row. Rows before the first marked row get NULL.

    - partition_by, order_by  lists of column names of `relation`; order_by
      must order the rows fully (ties make the carried values arbitrary).
    - carried  {marker column: {output column: value column}}: each value is
      read on the row where its marker is not NULL (the marker itself, or
      e.g. the date of that row). Adds <marker>_carry_group columns too.
#}

{% macro wattlas_carry_forward(relation, partition_by, order_by, carried) -%}
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
