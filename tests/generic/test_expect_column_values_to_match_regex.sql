{#
    Same name and arguments as dbt-expectations' test of that name.

    Fails on every non-null value that does not match `regex` (POSIX regular
    expression, matched anywhere in the value unless anchored with ^...$).
    is_raw is accepted for compatibility; patterns are passed as written.
#}
{% test expect_column_values_to_match_regex(
    model, column_name, regex, row_condition=none, is_raw=false, flags=""
) %}

with validation_errors as (
    select {{ column_name }} as unmatched_value
    from {{ model }}
    where {{ column_name }} is not null
        and not {{ wattlas_regex_matches(column_name, regex) }}
{% if row_condition %} and ({{ row_condition }}) {% endif %}
)

select * from validation_errors
{% endtest %}
