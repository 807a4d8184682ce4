{#
    Wide BI mart: one row per operational unit (AFIREV register plus
    unknown prefixes), every infrastructure indicator of level 5 as a
    column (no population or area: no ratios).
#}

with

indicators as (

    select * from {{ ref('fct_indicators_infrastructure_long') }}
    where level = 5

),

operational_units as (

    select * from {{ ref('dim_operational_units') }}

),

pivoted as (

    select
        indicators.target,
        indicators.period_start,
        {{ infrastructure_wide_columns('indicators', with_ratios=false) }}
    from indicators
    group by 1, 2

),

final as (

    select
        ----------  ids
        pivoted.target as operational_unit_code,

        ----------  strings
        operational_units.operational_unit_name,

        ----------  numerics
        pivoted.charge_point_count,
        pivoted.station_count,
        pivoted.installed_power_kw,
        pivoted.charge_point_count_power_1,
        pivoted.charge_point_count_power_2,
        pivoted.charge_point_count_power_3,
        pivoted.charge_point_count_power_4,
        pivoted.charge_point_count_power_5,
        pivoted.charge_point_count_power_6,

        ----------  booleans
        operational_units.is_in_afirev_register,

        ----------  dates
        pivoted.period_start as snapshot_date
    from pivoted
    inner join operational_units
        on pivoted.target = operational_units.operational_unit_code

)

select * from final
