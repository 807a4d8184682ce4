{#
    Same name and arguments as dbt-expectations' test of that name (and the
    job of dbt_utils.unique_combination_of_columns).

    Fails on every combination of column_list that appears more than once.
    ignore_row_if: "all_values_are_missing" (default) skips rows where every
    column is null; "any_value_is_missing" skips rows with any null.
#}
{% test expect_compound_columns_to_be_unique(
    model, column_list, ignore_row_if="all_values_are_missing",
    row_condition=none
) %}
    {% if column_list is string or column_list | length == 0 %}
    {{ exceptions.raise_compiler_error(
        "expect_compound_columns_to_be_unique needs a list of columns") }}
{% endif %}
{% set joiner = " and " if ignore_row_if == "all_values_are_missing" else " or " %}

with rows_checked as (
    select {{ column_list | join(", ") }}
    from {{ model }}
    where 1 = 1
    {% if row_condition %} and ({{ row_condition }}) {% endif %}
    and not (
        {% for column in column_list %}
            {{ column }} is null{{ joiner if not loop.last }}
        {% endfor %}
    )
),

validation_errors as (
    select
        {{ column_list | join(", ") }},
        count(*) as occurrences
    from rows_checked
    group by {{ column_list | join(", ") }}
    having count(*) > 1
)

select * from validation_errors
{% endtest %}
