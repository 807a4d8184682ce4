{#
    National gross consumption typed once, every raw line kept: the typed
    columns of stg_odre__national_consumption_measurements plus the first
    column of the line that cannot be typed (quarantine_column,
    quarantine_reason, quarantine_value; NULL when the line types). Empty
    values (gas on the half hours) are missing, not problems; the export
    writes a decimal point, so a decimal comma is a problem.
#}

{%- set status_columns = {
    'statut_rte': 'electricity_data_status',
    'statut_natran': 'gas_natran_data_status',
    'statut_terega': 'gas_terega_data_status',
} -%}

{#- raw column, staged column: the measures, in file order -#}
{%- set measures = [
    ('consommation_brute_gaz_mw_pcs_0c_natran', 'gas_consumption_natran_mw'),
    ('consommation_brute_gaz_mw_pcs_0c_terega', 'gas_consumption_terega_mw'),
    ('consommation_brute_gaz_totale_mw_pcs_0c', 'gas_consumption_mw'),
    ('consommation_brute_electricite_mw_rte', 'electricity_consumption_mw'),
    ('consommation_brute_totale_mw', 'total_consumption_mw'),
] -%}

{%- set checks = [('date_heure', 'date_heure'), ('date', 'date'), ('heure', 'heure')] -%}
{%- for raw_column, column in measures -%}
    {%- do checks.append((raw_column, raw_column)) -%}
{%- endfor -%}

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

checked as (

    select
        source.*,
        {{ wattlas_key_problem(
            'source.date_heure', wattlas_iso_timestamp_problem('source.date_heure'),
        ) }} as date_heure__problem,
        {{ wattlas_date_problem('source.date') }} as date__problem,
        {{ wattlas_time_problem('source.heure') }} as heure__problem,
        {%- for raw_column, column in measures %}
            {{ wattlas_number_problem('source.' ~ raw_column, decimal_comma=false) }}
                as {{ raw_column }}__problem,
        {%- endfor %}
        {{ wattlas_parse_iso_timestamp_utc('source.date_heure') }} as parsed_measured_at,
        {{ wattlas_parse_date('source.date') }} as parsed_date
    from source

),

typed as (

    select
        ----------  strings
        {%- for raw_column, status_column in status_columns.items() %}
            {{ odre_data_status('checked.' ~ raw_column) }} as {{ status_column }},
        {%- endfor %}
        checked._source_file as source_file,
        {{ wattlas_quarantine_columns('checked', checks) }},

        ----------  numerics
        {%- for raw_column, column in measures %}
            {{ wattlas_parse_number('checked.' ~ raw_column, decimal_comma=false) }}
                as {{ column }},
        {%- endfor %}
        cast(checked._source_line as integer) as source_line,

        ----------  booleans
        -- false on the phantom rows repeated on spring-forward days (local
        -- 02:00 and 02:30 carrying the instant of 03:00 and 03:30).
        coalesce(
            {{ utc_to_local('checked.parsed_measured_at') }}
            = cast(checked.parsed_date as timestamp)
            + interval '1 minute' * {{ wattlas_parse_time_minutes('checked.heure') }},
            false
        ) as is_reported_time_consistent,

        ----------  dates
        checked.parsed_date as measured_date,

        ----------  timestamps
        checked.parsed_measured_at as measured_at,
        checked._loaded_at as loaded_at

    from checked

)

select * from typed
