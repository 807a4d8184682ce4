{#
    Usage and quality-of-service indicators per local day (Europe/Paris),
    level, target and category, with the additive parts of every ratio
    (numerator, denominator) so any level and period is re-aggregated as
    Σ numerators / Σ denominators (docs/domain_rules.md §2.5). Definitions are in the
    model's YAML and in the indicator_catalogue seed. Only targets with
    data get a row (the reference code writes 0 for the others).
#}

{%- set hours = '/ 3600.0' -%}
{#- hours summed exactly as integer milliseconds (order-independent) -#}
{%- set exact_hours = 'cast(sum(cast(floor(COL * 1000 + 0.5) as bigint))'
    ~ ' as double precision) / 3600000.0' -%}
{%- set point_indicators = [
    {
        'code': 'u1', 'category': 'power_category_label', 'where': 'is_qos_scope',
        'levels': [0, 1, 2, 5],
        'value': exact_hours | replace('COL', '(free_seconds + occupied_seconds + out_of_service_seconds)'),
        'extras': [
            ('hors_service', exact_hours | replace('COL', '(out_of_service_seconds)')),
            ('occupe', exact_hours | replace('COL', '(occupied_seconds)')),
            ('libre', exact_hours | replace('COL', '(free_seconds)')),
            ('faux_libre', exact_hours | replace('COL', '(false_free_seconds)')),
            ('faux_occupe', exact_hours | replace('COL', '(false_occupied_seconds)')),
        ],
    },
    {
        'code': 'u6', 'category': 'power_category_label', 'where': 'session_count > 0',
        'levels': [0, 1, 2, 5], 'value': usage_exact_sum('session_hours'),
    },
    {
        'code': 'u9', 'category': 'power_category_label', 'where': 'session_count > 0',
        'levels': [0, 1, 2, 5], 'value': usage_exact_sum('energy_kwh', 6),
    },
    {
        'code': 'u10', 'category': none, 'where': 'session_count > 0',
        'levels': [0, 1, 2, 3, 4, 5], 'value': 'sum(session_count)',
    },
    {
        'code': 'u11', 'category': none, 'where': 'session_count > 0',
        'levels': [0, 1, 2, 5], 'value': 'sum(successful_session_count)',
    },
    {
        'code': 'u12', 'category': 'power_category_label', 'where': 'is_in_operation',
        'levels': [0, 1, 2, 5], 'value': 'count(*)',
    },
    {
        'code': 'u13', 'category': none, 'where': 'is_in_operation',
        'levels': [0, 1, 2, 5], 'value': 'coalesce(' ~ usage_exact_sum('power_kw', 6) ~ ', 0)',
    },
    {
        'code': 'u14', 'category': 'supply_type', 'where': 'session_count > 0',
        'levels': [0, 1, 2, 5], 'value': usage_exact_sum('u14_energy_kwh', 6),
    },
    {
        'code': 'c1', 'category': none, 'where': 'session_count > 0',
        'levels': [7], 'value': 'sum(session_count)',
    },
    {
        'code': 'c2', 'category': none, 'where': 'session_count > 0',
        'levels': [7], 'value': usage_exact_sum('energy_kwh', 6),
    },
    {
        'code': 'q1', 'category': 'power_category_label', 'where': 'is_qos_scope',
        'levels': [0, 1, 2, 5],
        'numerator': exact_hours | replace('COL', '(free_seconds + occupied_seconds)'),
        'denominator': exact_hours | replace('COL', '(day_seconds)'),
    },
    {
        'code': 'q2', 'category': 'power_category_label', 'where': 'is_qos_scope',
        'levels': [0, 1, 2, 5],
        'numerator': exact_hours | replace('COL', '(occupied_seconds)'),
        'denominator': exact_hours | replace('COL', '(free_seconds + occupied_seconds)'),
    },
    {
        'code': 'q4', 'category': 'power_category_label', 'where': 'is_qos_scope',
        'levels': [0, 1, 2, 5],
        'numerator': usage_exact_sum('energy_kwh', 6),
        'denominator': exact_hours | replace('COL', '(power_kw * day_seconds)'),
    },
    {
        'code': 'q5', 'category': none, 'where': 'session_count > 0',
        'levels': [0, 1, 2, 5],
        'numerator': 'sum(successful_session_count)',
        'denominator': 'sum(session_count)',
    },
] -%}
{%- set station_indicators = [
    {
        'code': 'u2', 'category': none, 'where': '1 = 1', 'levels': [0, 1, 2, 5],
        'value': exact_hours | replace('COL', '(day_seconds)'),
        'extras': [
            ('hors_service', exact_hours | replace('COL', '(hors_service_seconds)')),
            ('inactif', exact_hours | replace('COL', '(inactif_seconds)')),
            ('sature', exact_hours | replace('COL', '(sature_seconds)')),
            ('surcharge', exact_hours | replace('COL', '(surcharge_seconds)')),
            ('actif', exact_hours | replace('COL', '(actif_seconds)')),
            ('desactive', exact_hours | replace('COL', '(desactive_seconds)')),
            ('PU_CUM', exact_hours | replace('COL', '(full_use_seconds)')),
            ('PU_MAX', 'max(max_hourly_full_use_seconds) ' ~ hours),
            ('PU_LEN', 'max(longest_full_use_seconds) ' ~ hours),
        ],
    },
    {
        'code': 'q3', 'category': none, 'where': '1 = 1', 'levels': [0, 1, 2, 5],
        'numerator': exact_hours | replace('COL', '(sature_seconds)'),
        'denominator': exact_hours | replace(
            'COL', '(inactif_seconds + sature_seconds + surcharge_seconds + actif_seconds)'
        ),
    },
] -%}
{%- set all_levels = [0, 1, 2, 3, 4, 5, 6, 7] -%}

{#- only the columns the indicators read: PostgreSQL materialises every CTE
    read more than once, and the level CTEs repeat each row up to 8 times -#}
{%- set point_columns = [
    'power_category_label', 'supply_type', 'is_qos_scope', 'is_in_operation',
    'day_seconds', 'free_seconds', 'occupied_seconds', 'out_of_service_seconds',
    'false_free_seconds', 'false_occupied_seconds', 'power_kw', 'session_count',
    'successful_session_count', 'session_hours', 'energy_kwh', 'u14_energy_kwh',
] -%}
{%- set station_columns = [
    'day_seconds', 'desactive_seconds', 'hors_service_seconds', 'inactif_seconds',
    'sature_seconds', 'surcharge_seconds', 'actif_seconds', 'full_use_seconds',
    'max_hourly_full_use_seconds', 'longest_full_use_seconds',
] -%}
{%- set station_levels = [0, 1, 2, 5] -%}
{%- set session_levels = [0, 1, 2, 5] -%}

with

point_days as (

    select
        {%- for item in usage_levels() if item[2] is not none %}
            {{ item[2] }},
        {%- endfor %}
        {%- for column in point_columns %}
            {{ column }},
        {%- endfor %}
        date_day
    from {{ ref('int_usage_point_days') }}

),

station_days as (

    select
        {%- for item in usage_levels() if item[0] in station_levels and item[2] is not none %}
            {{ item[2] }},
        {%- endfor %}
        {%- for column in station_columns %}
            {{ column }},
        {%- endfor %}
        date_day
    from {{ ref('int_usage_station_days') }}

),

sessions as (

    select
        {%- for item in usage_levels() if item[0] in session_levels and item[2] is not none %}
            {{ item[2] }},
        {%- endfor %}
        charge_point_id,
        start_local_hour,
        start_date
    from {{ ref('int_charging_sessions_flagged') }}

),

tiruert as (

    select * from {{ ref('fct_tiruert_energy_daily') }}

),

attach_point_levels as (
    {% for level in all_levels %}
        select
            {%- for column in point_columns %}
                point_days.{{ column }},
            {%- endfor %}
            point_days.date_day,
            {{ level }} as level,
            {{ usage_level_name(level) }} as level_name,
            {{ usage_level_target(level, 'point_days') }} as target
        from point_days
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}

),

attach_station_levels as (
    {% for level in station_levels %}
        select
            {%- for column in station_columns %}
                station_days.{{ column }},
            {%- endfor %}
            station_days.date_day,
            {{ level }} as level,
            {{ usage_level_name(level) }} as level_name,
            {{ usage_level_target(level, 'station_days') }} as target
        from station_days
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}

),

attach_session_levels as (
    {% for level in session_levels %}
        select
            sessions.start_local_hour,
            sessions.start_date,
            {{ level }} as level,
            {{ usage_level_name(level) }} as level_name,
            {{ usage_level_target(level, 'sessions') }} as target
        from sessions
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}

),

{% for source, indicators in [
    ('attach_point_levels', point_indicators),
    ('attach_station_levels', station_indicators),
] %}
    {%- for indicator in indicators %}
        compute_{{ indicator.code }} as (

            select
                '{{ indicator.code }}' as indicator_code,
                level,
                level_name,
                target,
        {{ 'cast(' ~ indicator.category ~ ' as varchar)' if indicator.category
            else 'cast(null as varchar)' }} as category,
                date_day as period_start,
                {%- if indicator.numerator is defined %}
                    cast(
                        ({{ indicator.numerator }}) / nullif({{ indicator.denominator }}, 0)
                        as double precision
                    ) as value,
                    cast({{ indicator.numerator }} as double precision) as numerator,
                    cast({{ indicator.denominator }} as double precision) as denominator,
                {%- else %}
                    cast({{ indicator.value }} as double precision) as value,
                    cast(null as double precision) as numerator,
                    cast(null as double precision) as denominator,
                {%- endif %}
                {%- if indicator.extras is defined %}
                    '{'
                    {%- for key, expression in indicator.extras %}
                        || '"{{ key }}": ' || {{ usage_json_number(expression) }}
                        {%- if not loop.last %} || ', '{% endif %}
                    {%- endfor %}
                    || '}' as extras
                {%- else %}
                    cast(null as varchar) as extras
                {%- endif %}
            from {{ source }}
            where
                {{ indicator.where }}
                and level in ({{ indicator.levels | join(', ') }})
            group by 2, 3, 4, {% if indicator.category %}5, {% endif %}6
            {%- if indicator.numerator is defined %}
                having {{ indicator.denominator }} > 0
            {%- endif %}

        ),

    {% endfor %}
{%- endfor %}

compute_u5 as (

    select
        'u5' as indicator_code,
        level,
        level_name,
        target,
        cast(start_local_hour as varchar) as category,
        start_date as period_start,
        cast(count(*) as double precision) as value,
        cast(null as double precision) as numerator,
        cast(null as double precision) as denominator,
        cast(null as varchar) as extras
    from attach_session_levels
    group by 2, 3, 4, 5, 6

),

list_days as (

    select distinct point_days.date_day
    from point_days

),

list_session_point_days as (

    {#-
        e4 on day D: points with a session in [D - 1 month, D). Each point's
        session days are chained to its next one, so a point and day match
        one session day (the latest before D) and no distinct is needed.
    #}
    select distinct
        charge_point_id,
        region_code,
        start_date
    from sessions

),

find_next_session_days as (

    select
        charge_point_id,
        region_code,
        start_date,
        lead(start_date) over (
            partition by charge_point_id, region_code order by start_date
        ) as next_start_date
    from list_session_point_days

),

list_active_points as (

    select
        list_days.date_day,
        find_next_session_days.charge_point_id,
        find_next_session_days.region_code
    from list_days
    inner join find_next_session_days
        on
            list_days.date_day > find_next_session_days.start_date
            and (
                list_days.date_day <= find_next_session_days.next_start_date
                or find_next_session_days.next_start_date is null
            )
            and find_next_session_days.start_date
            >= cast(list_days.date_day - interval '1 month' as date)

),

attach_active_point_levels as (
    {% for level in [0, 1] %}
        select
            list_active_points.*,
            {{ level }} as level,
            {{ usage_level_name(level) }} as level_name,
            {{ usage_level_target(level, 'list_active_points') }} as target
        from list_active_points
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}

),

compute_e4 as (

    select
        'e4' as indicator_code,
        level,
        level_name,
        target,
        cast(null as varchar) as category,
        date_day as period_start,
        cast(count(*) as double precision) as value,
        cast(null as double precision) as numerator,
        cast(null as double precision) as denominator,
        '{"list": ["' || string_agg(charge_point_id, '", "' order by charge_point_id) || '"]}'
            as extras
    from attach_active_point_levels
    group by 2, 3, 4, 6

),

compute_tirue as (

    select
        'tirue' as indicator_code,
        6 as level,
        'amenageur' as level_name,
        tiruert.amenageur_siren as target,
        cast(null as varchar) as category,
        tiruert.start_date as period_start,
        cast({{ usage_exact_sum('tiruert.energy_mwh') }} as double precision) as value,
        cast(null as double precision) as numerator,
        cast(null as double precision) as denominator,
        cast(null as varchar) as extras
    from tiruert
    group by 4, 6

),

unioned as (
    {% for indicator in point_indicators + station_indicators %}
        select * from compute_{{ indicator.code }}
        union all
    {%- endfor %}
    select * from compute_u5
    union all
    select * from compute_e4
    union all
    select * from compute_tirue

),

final as (

    select
        unioned.indicator_code,
        unioned.level,
        unioned.level_name,
        unioned.target,
        unioned.category,
        'd' as period,
        unioned.period_start,
        {{ usage_round('unioned.value', 9) }} as value,
        {{ usage_round('unioned.numerator', 9) }} as numerator,
        {{ usage_round('unioned.denominator', 9) }} as denominator,
        unioned.extras
    from unioned

)

select * from final
