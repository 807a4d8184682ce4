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
    select
        carry_grouped.*
        {%- for marker, outputs in carried.items() %}
            {%- for output, value in outputs.items() %},
        max(
            case
                when carry_grouped.{{ marker }} is not null then carry_grouped.{{ value }}
            end
        ) over (
            partition by
                {%- for column in partition_by %} carry_grouped.{{ column }},{% endfor %}
                carry_grouped.{{ marker }}_carry_group
        ) as {{ output }}
            {%- endfor %}
        {%- endfor %}
    from (
        select
            {{ relation }}.*
            {%- for marker in carried %},
            count({{ relation }}.{{ marker }}) over (
                partition by
                    {%- for column in partition_by %}
                        {{ relation }}.{{ column }}{% if not loop.last %},{% endif %}
                    {%- endfor %}
                order by
                    {%- for column in order_by %}
                        {{ relation }}.{{ column }}{% if not loop.last %},{% endif %}
                    {%- endfor %}
                rows between unbounded preceding and current row
            ) as {{ marker }}_carry_group
            {%- endfor %}
        from {{ relation }}
    ) as carry_grouped
{%- endmacro %}
