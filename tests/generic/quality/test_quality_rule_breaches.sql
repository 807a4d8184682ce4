{#
    Project test: the breaches of one data-quality rule in a rule-results
    model (int_quality_rule_results_graded: rule_code, operational_unit_code,
    day, checked_rows, offending_rows, value, alert levels, status).

    Arguments:
      rule_code     the rule to check (dim_quality_rules.rule_code)
      status_column column holding pass / warn / fail / no_data
                    (default 'status')

    Failing rows: every unit × day of the rule whose status is fail (a
    catalogue threshold crossed) or warn (a warning level only), with
    breach_level 2 or 1. The status comes from int_quality_rule_results_graded,
    so the test and fct_quality_results cannot disagree.

    The test reports, it never blocks: a breach is one operator's data, and
    an error would skip every model downstream of the rule results
    (fct_quality_results, fct_indicators) for all operators. Hence
    severity warn (the default below; _quality__models.yml sets it too),
    with the default fail_calc count(*): dbt shows "WARN n" with n the
    breaching unit-days, stored in the audit schema (store_failures).
#}
{% test quality_rule_breaches(model, rule_code, status_column='status') %}

{{ config(severity='warn', store_failures=true) }}

with

rule_results as (

    select * from {{ model }}
    where rule_code = '{{ rule_code }}'

),

breaches as (

    select
        rule_results.*,
        case when rule_results.{{ status_column }} = 'fail' then 2 else 1 end as breach_level
    from rule_results
    where rule_results.{{ status_column }} in ('warn', 'fail')

)

select * from breaches

{% endtest %}
