{#
    Both éCO2mix regional variants in one model: union of the base models,
    typed once, empty slots dropped, then one row kept per region and UTC
    instant (rule in _odre__models.yml).
#}

{%- set data_statuses = {
    'Données consolidées': 'consolidated',
    'Données définitives': 'definitive',
    'Données temps réel': 'real_time',
} -%}

with

cons_def as (

    select * from {{ ref('base_odre__eco2mix_regional_cons_def') }}

),

real_time as (

    select * from {{ ref('base_odre__eco2mix_regional_tr') }}

),

unioned as (

    select * from cons_def
    union all
    select * from real_time

),

parsed as (

    select
        unioned.*,
        {{ wattlas_parse_iso_timestamp_utc('unioned.measured_at_iso') }} as parsed_measured_at,
        cast({{ wattlas_parse_date('unioned.reported_local_date') }} as timestamp)
        + interval '1 minute'
        * {{ wattlas_parse_time_minutes('unioned.reported_local_time') }}
            as reported_local_timestamp
    from unioned

),

renamed as (

    select
        ----------  ids
        {{ wattlas_zero_pad_code('parsed.region_code') }} as region_code,

        ----------  strings
        parsed.region_name,
        case parsed.data_nature
            {%- for label, status in data_statuses.items() %}
                when '{{ label }}' then '{{ status }}'
            {%- endfor %}
            else parsed.data_nature
        end as data_status,
        cast(parsed.source_dataset as varchar) as source_dataset,
        parsed.source_file,

        ----------  numerics
        {{ wattlas_parse_number('parsed.consumption_mw') }} as consumption_mw,
        {{ wattlas_parse_number('parsed.thermal_mw') }} as thermal_mw,
        {{ wattlas_parse_number('parsed.nuclear_mw') }} as nuclear_mw,
        {{ wattlas_parse_number('parsed.wind_mw') }} as wind_mw,
        {{ wattlas_parse_number('parsed.solar_mw') }} as solar_mw,
        {{ wattlas_parse_number('parsed.hydro_mw') }} as hydro_mw,
        {{ wattlas_parse_number('parsed.pumping_mw') }} as pumping_mw,
        {{ wattlas_parse_number('parsed.bioenergy_mw') }} as bioenergy_mw,
        {{ wattlas_parse_number('parsed.physical_exchanges_mw') }} as physical_exchanges_mw,
        cast(parsed.step_minutes as integer) as step_minutes,
        cast(parsed.source_line as integer) as source_line,

        ----------  booleans
        parsed.is_real_time,
        -- false on the phantom rows éCO2mix repeats on spring-forward days
        -- (local 02:00 and 02:30, which do not exist, carry the instant of
        -- 03:00 and 03:30): their date/heure disagree with date_heure.
        coalesce(
            {{ utc_to_local('parsed.parsed_measured_at') }} = parsed.reported_local_timestamp,
            false
        ) as is_reported_time_consistent,

        ----------  dates
        {{ utc_to_local_date('parsed.parsed_measured_at') }} as measured_date,

        ----------  timestamps
        parsed.parsed_measured_at as measured_at,
        parsed.loaded_at

    from parsed

),

empty_slots_removed as (

    select * from renamed
    where consumption_mw is not null

),

ranked as (

    select
        empty_slots_removed.*,
        row_number() over (
            partition by empty_slots_removed.region_code, empty_slots_removed.measured_at
            order by
                case when empty_slots_removed.is_real_time then 1 else 0 end,
                case when empty_slots_removed.is_reported_time_consistent then 0 else 1 end,
                empty_slots_removed.loaded_at desc nulls last,
                empty_slots_removed.source_file desc nulls last,
                empty_slots_removed.source_line desc nulls last
        ) as row_rank
    from empty_slots_removed

),

deduplicated as (

    select
        ranked.region_code,
        ranked.region_name,
        ranked.data_status,
        ranked.source_dataset,
        ranked.source_file,
        ranked.consumption_mw,
        ranked.thermal_mw,
        ranked.nuclear_mw,
        ranked.wind_mw,
        ranked.solar_mw,
        ranked.hydro_mw,
        ranked.pumping_mw,
        ranked.bioenergy_mw,
        ranked.physical_exchanges_mw,
        ranked.step_minutes,
        ranked.source_line,
        ranked.is_real_time,
        ranked.measured_date,
        ranked.measured_at,
        ranked.loaded_at
    from ranked
    where ranked.row_rank = 1

)

select * from deduplicated
