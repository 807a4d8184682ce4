{#
    Both éCO2mix regional variants typed once, every raw line kept: the
    typed columns of stg_odre__eco2mix_regional_measurements plus the
    first column of the line that cannot be typed (quarantine_column,
    quarantine_reason, quarantine_value; NULL when the line types). An
    empty value is missing (NULL), not a problem. The exports write a
    decimal point, so a decimal comma is a problem, not a guess.
#}

{#- raw column, base-model column: the measures, in file order -#}
{%- set measures = [
    ('consommation_mw', 'consumption_mw'),
    ('thermique_mw', 'thermal_mw'),
    ('nucleaire_mw', 'nuclear_mw'),
    ('eolien_mw', 'wind_mw'),
    ('solaire_mw', 'solar_mw'),
    ('hydraulique_mw', 'hydro_mw'),
    ('pompage_mw', 'pumping_mw'),
    ('bioenergies_mw', 'bioenergy_mw'),
    ('ech_physiques_mw', 'physical_exchanges_mw'),
] -%}

{%- set checks = [
    ('code_insee_region', 'region_code'),
    ('date', 'reported_local_date'),
    ('heure', 'reported_local_time'),
    ('date_heure', 'measured_at_iso'),
] + measures -%}

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

checked as (

    select
        unioned.*,
        {{ wattlas_key_problem('unioned.region_code') }} as region_code__problem,
        {{ wattlas_date_problem('unioned.reported_local_date') }}
            as reported_local_date__problem,
        {{ wattlas_time_problem('unioned.reported_local_time') }}
            as reported_local_time__problem,
        {{ wattlas_key_problem(
            'unioned.measured_at_iso',
            wattlas_iso_timestamp_problem('unioned.measured_at_iso'),
        ) }} as measured_at_iso__problem,
        {%- for raw_column, column in measures %}
            {{ wattlas_number_problem('unioned.' ~ column, decimal_comma=false) }}
                as {{ column }}__problem,
        {%- endfor %}
        {{ wattlas_parse_iso_timestamp_utc('unioned.measured_at_iso') }} as parsed_measured_at,
        cast({{ wattlas_parse_date('unioned.reported_local_date') }} as timestamp)
        + interval '1 minute'
        * {{ wattlas_parse_time_minutes('unioned.reported_local_time') }}
            as reported_local_timestamp
    from unioned

),

typed as (

    select
        ----------  ids
        {{ wattlas_zero_pad_code('checked.region_code') }} as region_code,

        ----------  strings
        checked.region_name,
        {{ odre_data_status('checked.data_nature') }} as data_status,
        cast(checked.source_dataset as varchar) as source_dataset,
        checked.source_file,
        {{ wattlas_quarantine_columns('checked', checks) }},

        ----------  numerics
        {%- for raw_column, column in measures %}
            {{ wattlas_parse_number('checked.' ~ column, decimal_comma=false) }}
                as {{ column }},
        {%- endfor %}
        cast(checked.step_minutes as integer) as step_minutes,
        cast(checked.source_line as integer) as source_line,

        ----------  booleans
        checked.is_real_time,
        -- false on the phantom rows éCO2mix repeats on spring-forward days
        -- (local 02:00 and 02:30, which do not exist, carry the instant of
        -- 03:00 and 03:30): their date/heure disagree with date_heure.
        coalesce(
            {{ utc_to_local('checked.parsed_measured_at') }} = checked.reported_local_timestamp,
            false
        ) as is_reported_time_consistent,

        ----------  dates
        {{ utc_to_local_date('checked.parsed_measured_at') }} as measured_date,

        ----------  timestamps
        checked.parsed_measured_at as measured_at,
        checked.loaded_at

    from checked

)

select * from typed
