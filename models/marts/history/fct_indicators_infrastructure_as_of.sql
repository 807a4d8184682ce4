{#
    Infrastructure indicators as of one past day, from the static history:
    the charge point and station versions valid on the day
    (valid_from <= day < valid_to) of dim_charge_points_history and
    dim_stations_history, attached to levels 0-5 as the current indicators
    (int_charge_points_attached rules) and counted with the same
    definitions: i1-i9, t1-t6, t7, t8/t9, t8p/t9p. The days are the var
    history_as_of_date: one 'YYYY-MM-DD' or a list of them (default: the
    latest delivery date). Long indicator shape, period 'd', period_start =
    the day.
#}

with

charge_point_history as (

    select * from {{ ref('dim_charge_points_history') }}

),

station_history as (

    select * from {{ ref('dim_stations_history') }}

),

commune_codes as (

    select * from {{ ref('dim_commune_codes') }}

),

communes as (

    select * from {{ ref('dim_communes') }}

),

epcis as (

    select * from {{ ref('dim_epcis') }}

),

targets_counted as (

    select * from {{ ref('int_infrastructure_targets_counted') }}

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
        select max(charge_point_history.valid_from) as as_of_date
        from charge_point_history
    {% endif %}

),

charge_points_valid as (

    select
        charge_point_history.*,
        as_of_dated.as_of_date,
        coalesce(charge_point_history.operator_name, 'unknown') as operator_label,
        {{ power_category_label('charge_point_history.power_kw') }} as power_category_label,
        communes.commune_code as resolved_commune_code,
        communes.department_code,
        communes.region_code,
        communes.epci_code
    from charge_point_history
    cross join as_of_dated
    left join commune_codes
        on charge_point_history.commune_code = commune_codes.geo_code
    left join communes
        on commune_codes.commune_code = communes.commune_code
    where
        charge_point_history.has_valid_charge_point_id
        and charge_point_history.valid_from <= as_of_dated.as_of_date
        and (
            charge_point_history.valid_to > as_of_dated.as_of_date
            or charge_point_history.valid_to is null
        )

),

stations_valid as (

    select
        station_history.*,
        as_of_dated.as_of_date,
        coalesce(station_history.operator_name, 'unknown') as operator_label,
        coalesce(station_history.station_implantation, 'unknown') as implantation_label,
        communes.commune_code as resolved_commune_code,
        communes.department_code,
        communes.region_code,
        communes.epci_code
    from station_history
    cross join as_of_dated
    left join commune_codes
        on station_history.commune_code = commune_codes.geo_code
    left join communes
        on commune_codes.commune_code = communes.commune_code
    where
        station_history.valid_charge_point_count > 0
        and station_history.valid_from <= as_of_dated.as_of_date
        and (
            station_history.valid_to > as_of_dated.as_of_date
            or station_history.valid_to is null
        )

),

{% set levels = [
    (0, 'national', "'00'"),
    (1, 'region', "coalesce(RELATION.region_code, 'unlocated')"),
    (2, 'department', "coalesce(RELATION.department_code, 'unlocated')"),
    (3, 'epci', "coalesce(RELATION.epci_code, 'unlocated')"),
    (4, 'commune', "coalesce(RELATION.resolved_commune_code, 'unlocated')"),
    (5, 'operational_unit', "RELATION.operational_unit_code"),
] %}

charge_points_attached as (
    {% for level, level_name, target in levels %}
        select
            charge_points_valid.charge_point_id,
            charge_points_valid.as_of_date,
            {{ level }} as level,
            '{{ level_name }}' as level_name,
            {{ target | replace('RELATION', 'charge_points_valid') }} as target,
            charge_points_valid.power_category_label,
            charge_points_valid.operator_label,
            charge_points_valid.power_kw
        from charge_points_valid
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

stations_attached as (
    {% for level, level_name, target in levels %}
        select
            stations_valid.station_id,
            stations_valid.as_of_date,
            {{ level }} as level,
            '{{ level_name }}' as level_name,
            {{ target | replace('RELATION', 'stations_valid') }} as target,
            stations_valid.epci_code,
            stations_valid.valid_charge_point_count,
            stations_valid.implantation_label,
            stations_valid.operator_label
        from stations_valid
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

charge_points_counted as (

    select
        charge_points_attached.as_of_date,
        charge_points_attached.level,
        charge_points_attached.target,
        count(distinct charge_points_attached.charge_point_id) as charge_point_count,
        sum(cast(charge_points_attached.power_kw as numeric(18, 6))) as power_kw
    from charge_points_attached
    group by 1, 2, 3

),

stations_counted as (

    select
        stations_attached.as_of_date,
        stations_attached.level,
        stations_attached.target,
        count(distinct stations_attached.station_id) as station_count
    from stations_attached
    group by 1, 2, 3

),

targets_filled as (

    {# Denominators and the list of targets of the current indicators;
       the counts are those of the day. #}
    select
        as_of_dated.as_of_date,
        targets_counted.level,
        targets_counted.level_name,
        targets_counted.target,
        targets_counted.population,
        targets_counted.area_km2,
        coalesce(charge_points_counted.charge_point_count, 0) as charge_point_count,
        coalesce(stations_counted.station_count, 0) as station_count,
        coalesce(charge_points_counted.power_kw, 0) as power_kw
    from targets_counted
    cross join as_of_dated
    left join charge_points_counted
        on
            as_of_dated.as_of_date = charge_points_counted.as_of_date
            and targets_counted.level = charge_points_counted.level
            and targets_counted.target = charge_points_counted.target
    left join stations_counted
        on
            as_of_dated.as_of_date = stations_counted.as_of_date
            and targets_counted.level = stations_counted.level
            and targets_counted.target = stations_counted.target

),

{% set quantities = [
    ('i1', 'i2', 'i3', 'charge_point_count'),
    ('i4', 'i5', 'i6', 'station_count'),
    ('i7', 'i8', 'i9', 'power_kw'),
] %}

quantities_unpivoted as (
    {% for count_code, population_code, area_code, column in quantities %}
        select
            '{{ count_code }}' as indicator_code,
            targets_filled.level,
            targets_filled.level_name,
            targets_filled.target,
            cast(null as text) as category,
            targets_filled.as_of_date,
            {{ charging_round('targets_filled.' ~ column, 6) }} as value
        from targets_filled

        union all

        select
            '{{ population_code }}' as indicator_code,
            targets_filled.level,
            targets_filled.level_name,
            targets_filled.target,
            cast(null as text) as category,
            targets_filled.as_of_date,
        {{ charging_round(
            'targets_filled.' ~ column ~ ' * 100000.0 / nullif(targets_filled.population, 0)', 6
        ) }} as value
        from targets_filled
        where targets_filled.population > 0

        union all

        select
            '{{ area_code }}' as indicator_code,
            targets_filled.level,
            targets_filled.level_name,
            targets_filled.target,
            cast(null as text) as category,
            targets_filled.as_of_date,
        {{ charging_round(
            'targets_filled.' ~ column ~ ' * 100.0 / nullif(targets_filled.area_km2, 0)', 6
        ) }} as value
        from targets_filled
        where targets_filled.area_km2 > 0
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

categories_counted as (

    select
        't1' as indicator_code,
        charge_points_attached.level,
        charge_points_attached.level_name,
        charge_points_attached.target,
        charge_points_attached.power_category_label as category,
        charge_points_attached.as_of_date,
        count(distinct charge_points_attached.charge_point_id) as category_count
    from charge_points_attached
    group by 1, 2, 3, 4, 5, 6

    union all

    select
        't3' as indicator_code,
        stations_attached.level,
        stations_attached.level_name,
        stations_attached.target,
        cast(stations_attached.valid_charge_point_count as text) as category,
        stations_attached.as_of_date,
        count(distinct stations_attached.station_id) as category_count
    from stations_attached
    group by 1, 2, 3, 4, 5, 6

    union all

    select
        't5' as indicator_code,
        stations_attached.level,
        stations_attached.level_name,
        stations_attached.target,
        stations_attached.implantation_label as category,
        stations_attached.as_of_date,
        count(distinct stations_attached.station_id) as category_count
    from stations_attached
    group by 1, 2, 3, 4, 5, 6

    union all

    select
        't8' as indicator_code,
        stations_attached.level,
        stations_attached.level_name,
        stations_attached.target,
        stations_attached.operator_label as category,
        stations_attached.as_of_date,
        count(distinct stations_attached.station_id) as category_count
    from stations_attached
    group by 1, 2, 3, 4, 5, 6

    union all

    select
        't8p' as indicator_code,
        charge_points_attached.level,
        charge_points_attached.level_name,
        charge_points_attached.target,
        charge_points_attached.operator_label as category,
        charge_points_attached.as_of_date,
        count(distinct charge_points_attached.charge_point_id) as category_count
    from charge_points_attached
    group by 1, 2, 3, 4, 5, 6

),

categories_shared as (

    select
        case categories_counted.indicator_code
            when 't1' then 't2'
            when 't3' then 't4'
            when 't5' then 't6'
            when 't8' then 't9'
            when 't8p' then 't9p'
        end as indicator_code,
        categories_counted.level,
        categories_counted.level_name,
        categories_counted.target,
        categories_counted.category,
        categories_counted.as_of_date,
        {{ charging_round(
            '100.0 * categories_counted.category_count / sum(categories_counted.category_count)'
            ~ ' over (partition by categories_counted.as_of_date, categories_counted.indicator_code,'
            ~ ' categories_counted.level, categories_counted.target)', 6
        ) }} as value
    from categories_counted

),

epcis_with_stations as (

    select
        stations_attached.as_of_date,
        stations_attached.level,
        stations_attached.target,
        count(distinct stations_attached.epci_code) as epci_count
    from stations_attached
    where
        stations_attached.level in (0, 1, 2)
        and stations_attached.epci_code is not null
    group by 1, 2, 3

),

epcis_of_targets as (

    select
        0 as level,
        'national' as level_name,
        '00' as target,
        count(*) as epci_count
    from epcis

    union all

    select
        1 as level,
        'region' as level_name,
        communes.region_code as target,
        count(distinct communes.epci_code) as epci_count
    from communes
    where communes.epci_code is not null
    group by 1, 2, 3

    union all

    select
        2 as level,
        'department' as level_name,
        communes.department_code as target,
        count(distinct communes.epci_code) as epci_count
    from communes
    where communes.epci_code is not null
    group by 1, 2, 3

),

unioned as (

    select * from quantities_unpivoted

    union all

    select
        categories_counted.indicator_code,
        categories_counted.level,
        categories_counted.level_name,
        categories_counted.target,
        categories_counted.category,
        categories_counted.as_of_date,
        categories_counted.category_count as value
    from categories_counted

    union all

    select * from categories_shared

    union all

    select
        't7' as indicator_code,
        epcis_of_targets.level,
        epcis_of_targets.level_name,
        epcis_of_targets.target,
        cast(null as text) as category,
        as_of_dated.as_of_date,
        {{ charging_round(
            'coalesce(epcis_with_stations.epci_count, 0) * 1.0'
            ~ ' / epcis_of_targets.epci_count', 6
        ) }} as value
    from epcis_of_targets
    cross join as_of_dated
    left join epcis_with_stations
        on
            as_of_dated.as_of_date = epcis_with_stations.as_of_date
            and epcis_of_targets.level = epcis_with_stations.level
            and epcis_of_targets.target = epcis_with_stations.target
    where epcis_of_targets.epci_count > 0

),

final as (

    select
        cast(unioned.indicator_code as text) as indicator_code,
        cast(unioned.level as integer) as level,
        cast(unioned.level_name as text) as level_name,
        cast(unioned.target as text) as target,
        cast(unioned.category as text) as category,
        cast('d' as text) as period,
        unioned.as_of_date as period_start,
        cast(unioned.value as double precision) as value,
        cast(null as text) as extras
    from unioned

)

select * from final
