{#
    For every rule of the real catalogue (with its overrides): a value
    exactly at a level does not trigger it, a value just beyond does: fail
    beyond a catalogue threshold (error_*), warn beyond an earlier warning
    level only (warn_*); whatever the value, nothing checked is no_data
    (quality_status, the same macro as int_quality_rule_results_graded). Returns
    the probes whose status is not the expected one.
#}

with

rules as (

    select * from {{ ref('int_quality_rules_resolved') }}

),

probes as (

    select
        rules.rule_code,
        rules.warn_below,
        rules.warn_above,
        rules.error_below,
        rules.error_above,
        rules.warn_above as probe_value,
        1 as probe_checked_rows,
        'pass' as expected_status,
        'warn_above' as probe
    from rules
    where
        rules.warn_above is not null
        and (rules.error_above is null or rules.error_above > rules.warn_above)
    union all
    select
        rules.rule_code,
        rules.warn_below,
        rules.warn_above,
        rules.error_below,
        rules.error_above,
        rules.warn_above + 0.000001 as probe_value,
        1 as probe_checked_rows,
        'warn' as expected_status,
        'above warn_above' as probe
    from rules
    where
        rules.warn_above is not null
        and (rules.error_above is null or rules.error_above > rules.warn_above + 0.000001)
    union all
    select
        rules.rule_code,
        rules.warn_below,
        rules.warn_above,
        rules.error_below,
        rules.error_above,
        rules.error_above as probe_value,
        1 as probe_checked_rows,
        case when rules.warn_above is null then 'pass' else 'warn' end as expected_status,
        'error_above' as probe
    from rules
    where
        rules.error_above is not null
    union all
    select
        rules.rule_code,
        rules.warn_below,
        rules.warn_above,
        rules.error_below,
        rules.error_above,
        rules.error_above + 0.000001 as probe_value,
        1 as probe_checked_rows,
        'fail' as expected_status,
        'above error_above' as probe
    from rules
    where
        rules.error_above is not null
    union all
    select
        rules.rule_code,
        rules.warn_below,
        rules.warn_above,
        rules.error_below,
        rules.error_above,
        rules.warn_below as probe_value,
        1 as probe_checked_rows,
        'pass' as expected_status,
        'warn_below' as probe
    from rules
    where
        rules.warn_below is not null
        and (rules.error_below is null or rules.error_below < rules.warn_below)
    union all
    select
        rules.rule_code,
        rules.warn_below,
        rules.warn_above,
        rules.error_below,
        rules.error_above,
        rules.warn_below - 0.000001 as probe_value,
        1 as probe_checked_rows,
        'warn' as expected_status,
        'below warn_below' as probe
    from rules
    where
        rules.warn_below is not null
        and (rules.error_below is null or rules.error_below < rules.warn_below - 0.000001)
    union all
    select
        rules.rule_code,
        rules.warn_below,
        rules.warn_above,
        rules.error_below,
        rules.error_above,
        rules.error_below as probe_value,
        1 as probe_checked_rows,
        case when rules.warn_below is null then 'pass' else 'warn' end as expected_status,
        'error_below' as probe
    from rules
    where
        rules.error_below is not null
    union all
    select
        rules.rule_code,
        rules.warn_below,
        rules.warn_above,
        rules.error_below,
        rules.error_above,
        rules.error_below - 0.000001 as probe_value,
        1 as probe_checked_rows,
        'fail' as expected_status,
        'below error_below' as probe
    from rules
    where
        rules.error_below is not null
    union all
    select
        rules.rule_code,
        rules.warn_below,
        rules.warn_above,
        rules.error_below,
        rules.error_above,
        coalesce(rules.error_above, rules.warn_above, rules.error_below, 0) + 1 as probe_value,
        0 as probe_checked_rows,
        'no_data' as expected_status,
        'nothing checked' as probe
    from rules
    where
        true

),

evaluated as (

    select
        probes.rule_code,
        probes.probe,
        probes.probe_value,
        probes.expected_status,
        {{ quality_status('probes.probe_value', 'probes.probe_checked_rows',
            'probes.warn_below', 'probes.warn_above',
            'probes.error_below', 'probes.error_above') }} as actual_status
    from probes

),

mismatches as (

    select
        evaluated.rule_code,
        evaluated.probe,
        evaluated.probe_value,
        evaluated.expected_status,
        evaluated.actual_status
    from evaluated
    where evaluated.actual_status <> evaluated.expected_status

)

select * from mismatches
