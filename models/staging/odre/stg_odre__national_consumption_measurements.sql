{#
    National gross electricity and gas consumption, half-hourly. Gas is
    published on the hour only (NULL on the half hours). One row kept per
    UTC instant (rule in _odre__models.yml).
#}

{%- set data_statuses = {
    'Définitif': 'definitive',
    'Définitive': 'definitive',
    'Consolidé': 'consolidated',
    'Consolidée': 'consolidated',
    'Provisoire': 'provisional',
    'Temps réel': 'real_time',
    'Meilleur Statut': 'best_available',
} -%}

{%- set status_columns = {
    'statut_rte': 'electricity_data_status',
    'statut_natran': 'gas_natran_data_status',
    'statut_terega': 'gas_terega_data_status',
} -%}

with

source as (

    select
        date_heure,
        date,
        heure,
        consommation_brute_electricite_mw_rte,
        statut_rte,
        consommation_brute_gaz_mw_pcs_0c_natran,
        statut_natran,
        consommation_brute_gaz_mw_pcs_0c_terega,
        statut_terega,
        consommation_brute_gaz_totale_mw_pcs_0c,
        consommation_brute_totale_mw,
        _source_file,
        _source_line,
        _loaded_at
    from {{ source('odre', 'consommation_quotidienne_brute') }}

),

renamed as (

    select
        ----------  strings
        {%- for raw_column, status_column in status_columns.items() %}
            case source.{{ raw_column }}
                {%- for label, status in data_statuses.items() %}
                    when '{{ label }}' then '{{ status }}'
                {%- endfor %}
                else source.{{ raw_column }}
            end as {{ status_column }},
        {%- endfor %}
        source._source_file as source_file,

        ----------  numerics
        {{ wattlas_parse_number('source.consommation_brute_electricite_mw_rte') }}
            as electricity_consumption_mw,
        {{ wattlas_parse_number('source.consommation_brute_gaz_mw_pcs_0c_natran') }}
            as gas_consumption_natran_mw,
        {{ wattlas_parse_number('source.consommation_brute_gaz_mw_pcs_0c_terega') }}
            as gas_consumption_terega_mw,
        {{ wattlas_parse_number('source.consommation_brute_gaz_totale_mw_pcs_0c') }}
            as gas_consumption_mw,
        {{ wattlas_parse_number('source.consommation_brute_totale_mw') }}
            as total_consumption_mw,
        cast(source._source_line as integer) as source_line,

        ----------  booleans
        -- false on the phantom rows repeated on spring-forward days (local
        -- 02:00 and 02:30 carrying the instant of 03:00 and 03:30).
        coalesce(
            {{ utc_to_local(wattlas_parse_iso_timestamp_utc('source.date_heure')) }}
            = cast({{ wattlas_parse_date('source.date') }} as timestamp)
            + interval '1 minute' * {{ wattlas_parse_time_minutes('source.heure') }},
            false
        ) as is_reported_time_consistent,

        ----------  dates
        {{ wattlas_parse_date('source.date') }} as measured_date,

        ----------  timestamps
        {{ wattlas_parse_iso_timestamp_utc('source.date_heure') }} as measured_at,
        source._loaded_at as loaded_at

    from source

),

empty_slots_removed as (

    select * from renamed
    where
        electricity_consumption_mw is not null
        or gas_consumption_mw is not null
        or total_consumption_mw is not null

),

ranked as (

    select
        empty_slots_removed.*,
        row_number() over (
            partition by empty_slots_removed.measured_at
            order by
                case when empty_slots_removed.is_reported_time_consistent then 0 else 1 end,
                empty_slots_removed.loaded_at desc nulls last,
                empty_slots_removed.source_file desc nulls last,
                empty_slots_removed.source_line desc nulls last
        ) as row_rank
    from empty_slots_removed

),

deduplicated as (

    select
        ranked.electricity_data_status,
        ranked.gas_natran_data_status,
        ranked.gas_terega_data_status,
        ranked.source_file,
        ranked.electricity_consumption_mw,
        ranked.gas_consumption_natran_mw,
        ranked.gas_consumption_terega_mw,
        ranked.gas_consumption_mw,
        ranked.total_consumption_mw,
        ranked.source_line,
        ranked.measured_date,
        ranked.measured_at,
        ranked.loaded_at
    from ranked
    where ranked.row_rank = 1

)

select * from deduplicated
