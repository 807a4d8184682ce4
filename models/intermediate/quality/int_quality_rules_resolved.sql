{#
    The rule catalogue (seeds/quality/quality_rules.csv) with the alert
    levels of var quality_alert_level_overrides applied.
#}

{%- set overrides = var('quality_alert_level_overrides', {}) %}
{#- var() is a stub under sqlfluff's jinja templater -#}
{%- if overrides is not mapping %}{% set overrides = {} %}{% endif %}
{%- set levels = ['warn_below', 'warn_above', 'error_below', 'error_above'] %}

with

rules as (

    select * from {{ ref('quality_rules') }}

),

overrides as (

    {% for code, override in overrides.items() %}
    select
        '{{ code }}' as rule_code,
        {%- for level in levels %}
        {{ 'true' if level in override else 'false' }} as has_{{ level }},
        cast({{ override[level] if override.get(level) is not none else 'null' }}
            as double precision) as {{ level }},
        {%- endfor %}
        true as is_override
    union all
    {% endfor %}
    select
        cast(null as varchar) as rule_code,
        false as has_warn_below,
        cast(null as double precision) as warn_below,
        false as has_warn_above,
        cast(null as double precision) as warn_above,
        false as has_error_below,
        cast(null as double precision) as error_below,
        false as has_error_above,
        cast(null as double precision) as error_above,
        false as is_override
    where 1 = 0

),

overridden as (

    select
        rules.rule_code,
        rules.rule_number,
        rules.family,
        rules.rule_type,
        case
            when overrides.has_warn_below then overrides.warn_below
            else rules.warn_below
        end as warn_below,
        case
            when overrides.has_warn_above then overrides.warn_above
            else rules.warn_above
        end as warn_above,
        case
            when overrides.has_error_below then overrides.error_below
            else rules.error_below
        end as error_below,
        case
            when overrides.has_error_above then overrides.error_above
            else rules.error_above
        end as error_above,
        rules.is_documented_only,
        rules.description,
        rules.fix_advice
    from rules
    left join overrides
        on rules.rule_code = overrides.rule_code

)

select * from overridden
