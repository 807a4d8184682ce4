{#
    Same name and arguments as dbt-expectations' test of that name.

    Fails (one row) when the model's row count lies outside
    [min_value, max_value]; either bound may be omitted.
#}
{% test expect_table_row_count_to_be_between(
    model, min_value=none, max_value=none, row_condition=none
) %}

with row_count as (
    select count(*) as row_count
    from {{ model }}
{% if row_condition %} where {{ row_condition }} {% endif %}
)

select row_count
from row_count
where 1 = 0
    {% if min_value is not none %} or row_count < {{ min_value }} {% endif %}
{% if max_value is not none %} or row_count > {{ max_value }} {% endif %}
{% endtest %}
