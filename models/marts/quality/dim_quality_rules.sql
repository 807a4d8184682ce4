{#
    The quality rule catalogue: seeds/quality/quality_rules.csv with the
    alert-level overrides of var quality_alert_level_overrides.
#}

with

rules as (

    select * from {{ ref('int_quality_rules_resolved') }}

),

final as (

    select
        ----------  ids
        cast(rules.rule_code as text) as rule_code,

        ----------  strings
        cast(rules.family as text) as family,
        cast(rules.rule_type as text) as rule_type,
        cast(rules.description as text) as description,
        cast(rules.fix_advice as text) as fix_advice,

        ----------  numerics
        cast(rules.rule_number as integer) as rule_number,
        rules.warn_below,
        rules.warn_above,
        rules.error_below,
        rules.error_above,

        ----------  booleans
        cast(rules.is_documented_only as boolean) as is_documented_only
    from rules

)

select * from final
