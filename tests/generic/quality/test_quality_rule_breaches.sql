{#
    Project test: the breaches of one data-quality rule in a rule-results
    model (int_quality__rule_results: rule_code, operational_unit_code,
    day, checked_rows, offending_rows, value, alert levels, status).

    Arguments:
      rule_code     the rule to check (dim_quality_rules.rule_code)
      status_column column holding pass / warn / fail / no_data
                    (default 'status')

    Failing rows: every unit × day of the rule whose status is warn or
    fail, with breach_level 1 (above the warning level) or 2 (above the
    critical level). Configure the severity on the breach level, which the
    alert levels of the rule catalogue decide (so the test and
    fct_quality_results read the same SQL and cannot disagree):
        config:
          fail_calc: "coalesce(max(breach_level), 0)"
          warn_if: ">= 1"
          error_if: ">= 2"
          store_failures: true
    dbt then reports failures = 0 (pass), 1 (warning) or 2 (error), and
    the breaching unit-days are stored in the audit schema.
#}
{% test quality_rule_breaches(model, rule_code, status_column='status') %}

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
