{#
    Same name and arguments as dbt_utils.expression_is_true (and the job of
    dbt-expectations' expect_column_values_to_... expressions).

    Fails on every row where `expression` is not true. With column_name (a
    column-level test), the expression is appended to the column:
    `expression: ">= 0"`. Filter rows with the standard `where` config.
#}
{% test expression_is_true(model, expression, column_name=none) %}

{% set condition = expression if column_name is none
    else column_name ~ " " ~ expression %}

with validation_errors as (
    select *
    from {{ model }}
    where not ({{ condition }})
)

select * from validation_errors
{% endtest %}
