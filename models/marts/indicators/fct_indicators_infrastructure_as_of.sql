{#
    Infrastructure indicators as of one past day, from the static history:
    the rows of the history image in force on the day
    (int_infrastructure_indicators_dated, valid_from <= day < valid_to), so
    the same definitions as the current indicators: i1-i9, t1-t6, t7,
    t8/t9, t8p/t9p, p300-p3600 (station ids in extras). The days are the var history_as_of_date: one
    'YYYY-MM-DD' or a list of them (default: the latest delivery date that
    changed a charge point, from dim_charge_points_history). Long indicator
    shape, period 'd', period_start = the day.
#}

with

indicators as (

    select * from {{ ref('int_infrastructure_indicators_dated') }}
    where image = 'history'

),

as_of_dated as (

    {% set as_of_days = var('history_as_of_date', none) %}
    {% if as_of_days is string %}{% set as_of_days = [as_of_days] %}{% endif %}
    {% if as_of_days %}
        {% for as_of_day in as_of_days %}
            {% if not loop.first %}union all{% endif %}
            select cast('{{ as_of_day }}' as date) as as_of_date
        {% endfor %}
    {% else %}
        {# Read only when no day is requested. #}
        select max(charge_point_history.valid_from) as as_of_date
        from {{ ref('dim_charge_points_history') }} as charge_point_history
    {% endif %}

),

final as (

    select
        indicators.indicator_code,
        indicators.level,
        indicators.level_name,
        indicators.target,
        indicators.category,
        cast('d' as text) as period,
        as_of_dated.as_of_date as period_start,
        indicators.value,
        indicators.extras
    from as_of_dated
    inner join indicators
        on
            as_of_dated.as_of_date >= indicators.valid_from
            and (
                as_of_dated.as_of_date < indicators.valid_to
                or indicators.valid_to is null
            )

)

select * from final
