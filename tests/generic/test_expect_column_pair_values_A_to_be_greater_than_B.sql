{#
    Same name and arguments as dbt-expectations'
    expect_column_pair_values_A_to_be_greater_than_B.

    Arguments:
      column_A       left column
      column_B       right column
      or_equal       true: A >= B is enough (default false: A > B)
      row_condition  optional SQL filter of the rows checked

    Failing rows: rows where the comparison is not true (rows where A or B
    is NULL are not checked, as in dbt-expectations).
#}
{% test expect_column_pair_values_A_to_be_greater_than_B(
    model, column_A, column_B, or_equal=false, row_condition=none
) %}

with

checked as (

    select * from {{ model }}
    where {{ column_A }} is not null
        and {{ column_B }} is not null
{%- if row_condition %}
        and ({{ row_condition }})
    {%- endif %}

),

failing_rows as (

    select * from checked
    where not ({{ column_A }} {{ '>=' if or_equal else '>' }} {{ column_B }})

)

select * from failing_rows

{% endtest %}
