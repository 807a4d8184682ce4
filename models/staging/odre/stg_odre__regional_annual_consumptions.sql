{#
    Annual gross electricity and gas consumption by region, in GWh (gas in
    GWh PCS 0°C). Gas columns are NULL where an operator is absent (Corse).
    Géo-shape and géo-point are not staged.
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
        annee,
        code_insee_region,
        region,
        consommation_brute_electricite_gwh_rte,
        statut_rte,
        consommation_brute_gaz_gwh_pcs_0c_natran,
        statut_natran,
        consommation_brute_gaz_gwh_pcs_0c_terega,
        statut_terega,
        consommation_brute_gaz_totale_gwh_pcs_0c,
        consommation_brute_totale_gwh,
        _source_file,
        _source_line,
        _loaded_at
    from {{ source('odre', 'consommation_annuelle_brute_regionale') }}

),

renamed as (

    select
        ----------  ids
        {{ wattlas_zero_pad_code('source.code_insee_region') }} as region_code,

        ----------  strings
        source.region as region_name,
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
        {{ wattlas_parse_integer('source.annee') }} as consumption_year,
        {{ wattlas_parse_number('source.consommation_brute_electricite_gwh_rte') }}
            as electricity_consumption_gwh,
        {{ wattlas_parse_number('source.consommation_brute_gaz_gwh_pcs_0c_natran') }}
            as gas_consumption_natran_gwh,
        {{ wattlas_parse_number('source.consommation_brute_gaz_gwh_pcs_0c_terega') }}
            as gas_consumption_terega_gwh,
        {{ wattlas_parse_number('source.consommation_brute_gaz_totale_gwh_pcs_0c') }}
            as gas_consumption_gwh,
        {{ wattlas_parse_number('source.consommation_brute_totale_gwh') }}
            as total_consumption_gwh,
        cast(source._source_line as integer) as source_line,

        ----------  timestamps
        source._loaded_at as loaded_at

    from source

),

ranked as (

    select
        renamed.*,
        row_number() over (
            partition by renamed.region_code, renamed.consumption_year
            order by
                renamed.loaded_at desc nulls last,
                renamed.source_file desc nulls last,
                renamed.source_line desc nulls last
        ) as row_rank
    from renamed

),

deduplicated as (

    select
        ranked.region_code,
        ranked.region_name,
        ranked.electricity_data_status,
        ranked.gas_natran_data_status,
        ranked.gas_terega_data_status,
        ranked.source_file,
        ranked.consumption_year,
        ranked.electricity_consumption_gwh,
        ranked.gas_consumption_natran_gwh,
        ranked.gas_consumption_terega_gwh,
        ranked.gas_consumption_gwh,
        ranked.total_consumption_gwh,
        ranked.source_line,
        ranked.loaded_at
    from ranked
    where ranked.row_rank = 1

)

select * from deduplicated
