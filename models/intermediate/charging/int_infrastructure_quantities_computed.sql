{#
    i-family rows (i1-i9) of every static image, level and target: counts, then ratios
    per 100,000 inhabitants and per 100 km² with the same level's
    population and area (no ratio row when the denominator is unknown or
    0). Rounded to 6 decimals.
#}

with

targets_filled as (

    select * from {{ ref('int_infrastructure_targets_counted') }}

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
            targets_filled.image,
            targets_filled.valid_from,
            targets_filled.level,
            targets_filled.level_name,
            targets_filled.target,
            {{ wattlas_round('targets_filled.' ~ column, 6) }} as value
        from targets_filled

        union all

        select
            '{{ population_code }}' as indicator_code,
            targets_filled.image,
            targets_filled.valid_from,
            targets_filled.level,
            targets_filled.level_name,
            targets_filled.target,
        {{ wattlas_round(
            'targets_filled.' ~ column ~ ' * 100000.0 / nullif(targets_filled.population, 0)', 6
        ) }} as value
        from targets_filled
        where targets_filled.population > 0

        union all

        select
            '{{ area_code }}' as indicator_code,
            targets_filled.image,
            targets_filled.valid_from,
            targets_filled.level,
            targets_filled.level_name,
            targets_filled.target,
        {{ wattlas_round(
            'targets_filled.' ~ column ~ ' * 100.0 / nullif(targets_filled.area_km2, 0)', 6
        ) }} as value
        from targets_filled
        where targets_filled.area_km2 > 0
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
)

select * from quantities_unpivoted
