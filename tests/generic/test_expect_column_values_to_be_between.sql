{#
    Same name and arguments as dbt-expectations' test of that name, so a team
    with hub access can swap in the package.

    Fails on every row whose value lies outside [min_value, max_value]
    (bounds exclusive when strictly=true). Either bound may be omitted;
    row_condition filters the rows checked. Nulls are not checked: pair with
    not_null when they matter.
#}
{% test expect_column_values_to_be_between(
    model, column_name, min_value=none, max_value=none,
    row_condition=none, strictly=false
) %}
    {% if min_value is none and max_value is none %}
    {{ exceptions.raise_compiler_error(
        "expect_column_values_to_be_between needs min_value or max_value") }}
{% endif %}
    {% set lower_op = ">" if strictly else ">=" %}
    {% set upper_op = "<" if strictly else "<=" %}

with checked as (
    select {{ column_name }} as checked_value
    from {{ model }}
    where {{ column_name }} is not null
    {% if row_condition %} and ({{ row_condition }}) {% endif %}
),

validation_errors as (
    select checked_value
    from checked
    where not (
        1 = 1
        {% if min_value is not none %}
            and checked_value {{ lower_op }} {{ min_value }}
        {% endif %}
{% if max_value is not none %}
            and checked_value {{ upper_op }} {{ max_value }}
        {% endif %}
    )
)

select * from validation_errors
{% endtest %}
