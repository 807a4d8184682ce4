{#
    The pool indicators (p300 ... p3600, macro pool_tiers): one row per
    static image, day the image comes into force (valid_from), tier,
    indicator level and target, with the number of stations that meet the
    tier (int_station_pools_classified) and their ids in extras. The levels
    and targets are those of i4: the stations attached by
    int_stations_attached, the targets listed by
    int_infrastructure_targets_counted, 0 for a target without a
    qualifying station (extras NULL). extras = {"list": [ids],
    "truncated": bool}: the station ids in order, at most var
    pool_extras_max_stations of them (truncated true when there are more;
    the value is always the full count).
#}

{%- set max_listed = var('pool_extras_max_stations') %}

with

targets as (

    select
        image,
        valid_from,
        level,
        level_name,
        target
    from {{ ref('int_infrastructure_targets_counted') }}

),

stations_attached as (

    select * from {{ ref('int_stations_attached') }}

),

pools as (

    select * from {{ ref('int_station_pools_classified') }}

),

tiers as (
    {% for tier in pool_tiers() %}
        select cast('{{ tier[0] }}' as text) as indicator_code
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

pools_unpivoted as (
    {% for tier in pool_tiers() %}
        select
            '{{ tier[0] }}' as indicator_code,
            pools.image,
            pools.valid_from,
            pools.station_id
        from pools
        where pools.is_{{ tier[0] }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

pools_attached as (

    select
        pools_unpivoted.indicator_code,
        stations_attached.image,
        stations_attached.valid_from,
        stations_attached.level,
        stations_attached.target,
        stations_attached.station_id,
        row_number() over (
            partition by
                pools_unpivoted.indicator_code,
                stations_attached.image,
                stations_attached.valid_from,
                stations_attached.level,
                stations_attached.target
            order by stations_attached.station_id
        ) as list_rank
    from pools_unpivoted
    inner join stations_attached
        on
            pools_unpivoted.image = stations_attached.image
            and pools_unpivoted.valid_from = stations_attached.valid_from
            and pools_unpivoted.station_id = stations_attached.station_id

),

pools_counted as (

    select
        pools_attached.indicator_code,
        pools_attached.image,
        pools_attached.valid_from,
        pools_attached.level,
        pools_attached.target,
        count(*) as station_count
    from pools_attached
    group by
        pools_attached.indicator_code,
        pools_attached.image,
        pools_attached.valid_from,
        pools_attached.level,
        pools_attached.target

),

pools_listed as (

    select
        pools_attached.indicator_code,
        pools_attached.image,
        pools_attached.valid_from,
        pools_attached.level,
        pools_attached.target,
        string_agg(
            -- JSON string: escape the backslash, then the double quote
            replace(replace(pools_attached.station_id, '\', '\\'), '"', '\"'),
            '", "' order by pools_attached.station_id
        ) as station_list
    from pools_attached
    where pools_attached.list_rank <= {{ max_listed }}
    group by
        pools_attached.indicator_code,
        pools_attached.image,
        pools_attached.valid_from,
        pools_attached.level,
        pools_attached.target

),

final as (

    select
        ----------  ids
        cast(targets.image as text) as image,
        cast(tiers.indicator_code as text) as indicator_code,
        cast(targets.level as integer) as level,
        cast(targets.level_name as text) as level_name,
        cast(targets.target as text) as target,

        ----------  numerics
        cast(coalesce(pools_counted.station_count, 0) as double precision) as value,

        ----------  strings
        cast(
            case
                when pools_counted.station_count > 0
                    then
                        '{"list": ["' || pools_listed.station_list || '"], "truncated": '
                        || case
                            when pools_counted.station_count > {{ max_listed }} then 'true'
                            else 'false'
                        end
                        || '}'
            end as text
        ) as extras,

        ----------  dates
        targets.valid_from
    from targets
    cross join tiers
    left join pools_counted
        on
            tiers.indicator_code = pools_counted.indicator_code
            and targets.image = pools_counted.image
            and targets.valid_from = pools_counted.valid_from
            and targets.level = pools_counted.level
            and targets.target = pools_counted.target
    left join pools_listed
        on
            pools_counted.indicator_code = pools_listed.indicator_code
            and pools_counted.image = pools_listed.image
            and pools_counted.valid_from = pools_listed.valid_from
            and pools_counted.level = pools_listed.level
            and pools_counted.target = pools_listed.target

)

select * from final
