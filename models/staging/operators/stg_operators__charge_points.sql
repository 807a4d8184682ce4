{#
    Static declarations sent in operator feeds. They stay apart from
    stg_irve__charge_points: the sample feed (rtet-paca) carries three
    fields only (id, station, power), and merging partial rows into the
    national static table would add charge points without location.
    One row per operator and charge point: latest load, then last line.
#}

with

source as (

    select
        _operator,
        id_pdc_itinerance,
        id_station_itinerance,
        puissance_nominale,
        _source_file,
        _source_line,
        _loaded_at
    from {{ source('operators', 'statique') }}

),

ranked as (

    select
        source.*,
        row_number() over (
            partition by source._operator, trim(source.id_pdc_itinerance)
            order by source._loaded_at desc, source._source_file desc, source._source_line desc
        ) as rn,
        count(*) over (
            partition by source._operator, trim(source.id_pdc_itinerance)
        ) - 1 as duplicate_count
    from source
    where {{ irve_clean_text('source.id_pdc_itinerance') }} is not null

),

renamed as (

    select
        ----------  ids
        trim(ranked.id_pdc_itinerance) as charge_point_id,
        {{ irve_clean_text('ranked.id_station_itinerance') }} as station_id,
        left({{ irve_clean_text('ranked.id_station_itinerance') }}, 5) as operational_unit_code,

        ----------  strings
        ranked._operator as operator_slug,
        ranked._source_file as source_file,

        ----------  numerics
        {{ wattlas_parse_number('ranked.puissance_nominale', 'double precision') }} as power_kw,
        ranked._source_line as source_line,
        ranked.duplicate_count,

        ----------  timestamps
        ranked._loaded_at as loaded_at
    from ranked
    where ranked.rn = 1

)

select * from renamed
