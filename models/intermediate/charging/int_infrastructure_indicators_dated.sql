{#
    The infrastructure indicators (i1-i9, t1-t9, t8p/t9p, and the pool
    counts p300-p3600 of int_pool_indicators_counted with their station
    lists in extras; definitions in seeds/reference/indicator_catalogue.csv),
    computed once: one row per static image (int_static_images_dated),
    indicator, level, target and category, valid on the days valid_from
    <= day < valid_to. The current
    store reads the 'current' image; the as-of mart and the daily history
    series read the 'history' image in force on each of their days, so a
    day costs a join, not a recount.
#}

{# A table: three marts read it, the history series once per day. #}
{{ config(materialized='table') }}

with

charge_points_attached as (

    select * from {{ ref('int_charge_points_attached') }}

),

stations_attached as (

    select * from {{ ref('int_stations_attached') }}

),

images as (

    select * from {{ ref('int_static_images_dated') }}

),

quantities_unpivoted as (

    select * from {{ ref('int_infrastructure_quantities_computed') }}

),

pools_counted as (

    select * from {{ ref('int_pool_indicators_counted') }}

),

epcis as (

    select * from {{ ref('int_epcis_enriched') }}

),

communes as (

    select * from {{ ref('int_communes_enriched') }}

),

{# (count code, share code, relation, category, counted unit) #}
{% set categories = [
    ('t1', 't2', 'charge_points_attached', 'charge_points_attached.power_category_label', 'charge_point_id'),
    ('t3', 't4', 'stations_attached', 'cast(stations_attached.charge_point_count as text)', 'station_id'),
    ('t5', 't6', 'stations_attached', 'stations_attached.station_implantation', 'station_id'),
    ('t8', 't9', 'stations_attached', 'stations_attached.operator_name', 'station_id'),
    ('t8p', 't9p', 'charge_points_attached', 'charge_points_attached.operator_name', 'charge_point_id'),
] %}

{# Category counts: only (target, category) pairs with data (t1 right join). #}
categories_counted as (
    {% for count_code, share_code, relation, category, unit in categories %}
        select
            '{{ count_code }}' as indicator_code,
            {{ relation }}.image,
            {{ relation }}.valid_from,
            {{ relation }}.level,
            {{ relation }}.level_name,
            {{ relation }}.target,
            {{ category }} as category,
            count(distinct {{ relation }}.{{ unit }}) as category_count
        from {{ relation }}
        group by 1, 2, 3, 4, 5, 6, 7
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

categories_shared as (

    {# Share of each category in its target: t1 -> t2, t3 -> t4, ... #}
    select
        case categories_counted.indicator_code
            {% for count_code, share_code, relation, category, unit in categories %}
                when '{{ count_code }}' then '{{ share_code }}'
            {% endfor %}
        end as indicator_code,
        categories_counted.image,
        categories_counted.valid_from,
        categories_counted.level,
        categories_counted.level_name,
        categories_counted.target,
        categories_counted.category,
        {{ wattlas_round(
            '100.0 * categories_counted.category_count / sum(categories_counted.category_count)'
            ~ ' over (partition by categories_counted.image, categories_counted.valid_from,'
            ~ ' categories_counted.indicator_code, categories_counted.level,'
            ~ ' categories_counted.target)', 6
        ) }} as value
    from categories_counted

),

epcis_with_stations as (

    select
        stations_attached.image,
        stations_attached.valid_from,
        stations_attached.level,
        stations_attached.target,
        count(distinct stations_attached.epci_code) as epci_count
    from stations_attached
    where
        stations_attached.level in (0, 1, 2)
        and stations_attached.epci_code is not null
    group by 1, 2, 3, 4

),

epcis_of_targets as (

    select
        0 as level,
        'national' as level_name,
        '00' as target,
        count(*) as epci_count
    from epcis

    union all

    {% for level, level_name in [(1, 'region'), (2, 'department')] %}
        select
            {{ level }} as level,
            '{{ level_name }}' as level_name,
            communes.{{ level_name }}_code as target,
            count(distinct communes.epci_code) as epci_count
        from communes
        where communes.epci_code is not null
        group by 1, 2, 3
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

epci_density_computed as (

    {# t7: share of the target's EPCIs with at least one station. #}
    select
        't7' as indicator_code,
        images.image,
        images.valid_from,
        epcis_of_targets.level,
        epcis_of_targets.level_name,
        epcis_of_targets.target,
        {{ wattlas_round(
            'coalesce(epcis_with_stations.epci_count, 0) * 1.0'
            ~ ' / epcis_of_targets.epci_count', 6
        ) }} as value
    from epcis_of_targets
    cross join images
    left join epcis_with_stations
        on
            images.image = epcis_with_stations.image
            and images.valid_from = epcis_with_stations.valid_from
            and epcis_of_targets.level = epcis_with_stations.level
            and epcis_of_targets.target = epcis_with_stations.target
    where epcis_of_targets.epci_count > 0

),

unioned as (

    select
        quantities_unpivoted.indicator_code,
        quantities_unpivoted.image,
        quantities_unpivoted.valid_from,
        quantities_unpivoted.level,
        quantities_unpivoted.level_name,
        quantities_unpivoted.target,
        null as category,
        quantities_unpivoted.value,
        null as extras
    from quantities_unpivoted

    union all

    select
        categories_counted.indicator_code,
        categories_counted.image,
        categories_counted.valid_from,
        categories_counted.level,
        categories_counted.level_name,
        categories_counted.target,
        categories_counted.category,
        categories_counted.category_count as value,
        null as extras
    from categories_counted

    union all

    select
        categories_shared.*,
        null as extras
    from categories_shared

    union all

    select
        epci_density_computed.indicator_code,
        epci_density_computed.image,
        epci_density_computed.valid_from,
        epci_density_computed.level,
        epci_density_computed.level_name,
        epci_density_computed.target,
        null as category,
        epci_density_computed.value,
        null as extras
    from epci_density_computed

    union all

    select
        pools_counted.indicator_code,
        pools_counted.image,
        pools_counted.valid_from,
        pools_counted.level,
        pools_counted.level_name,
        pools_counted.target,
        null as category,
        pools_counted.value,
        pools_counted.extras
    from pools_counted

),

final as (

    select
        ----------  ids
        cast(unioned.image as text) as image,
        cast(unioned.indicator_code as text) as indicator_code,
        cast(unioned.level as integer) as level,
        cast(unioned.level_name as text) as level_name,
        cast(unioned.target as text) as target,
        cast(unioned.category as text) as category,

        ----------  numerics
        cast(unioned.value as double precision) as value,

        ----------  strings
        cast(unioned.extras as text) as extras,

        ----------  dates
        images.valid_from,
        images.valid_to
    from unioned
    inner join images
        on
            unioned.image = images.image
            and unioned.valid_from = images.valid_from

)

select * from final
