{#
    éCO2mix regional consolidated/definitive data (half-hourly):
    the columns common to both éCO2mix variants, renamed and tagged with
    their dataset. Values stay raw text here; stg_odre__eco2mix_regional_measurements
    types both variants with the same code after the union.
#}

with

source as (

    select
        code_insee_region,
        region,
        nature,
        date,
        heure,
        date_heure,
        consommation_mw,
        thermique_mw,
        nucleaire_mw,
        eolien_mw,
        solaire_mw,
        hydraulique_mw,
        pompage_mw,
        bioenergies_mw,
        ech_physiques_mw,
        _source_file,
        _source_line,
        _loaded_at
    from {{ source('odre', 'eco2mix_regional_cons_def') }}

),

renamed as (

    select
        ----------  ids
        source.code_insee_region as region_code,

        ----------  strings
        source.region as region_name,
        source.nature as data_nature,
        'eco2mix_regional_cons_def' as source_dataset,
        source._source_file as source_file,

        ----------  numerics (raw text, typed in the staging model)
        source.consommation_mw as consumption_mw,
        source.thermique_mw as thermal_mw,
        source.nucleaire_mw as nuclear_mw,
        source.eolien_mw as wind_mw,
        source.solaire_mw as solar_mw,
        source.hydraulique_mw as hydro_mw,
        source.pompage_mw as pumping_mw,
        source.bioenergies_mw as bioenergy_mw,
        source.ech_physiques_mw as physical_exchanges_mw,
        30 as step_minutes,
        source._source_line as source_line,

        ----------  booleans
        false as is_real_time,

        ----------  dates and times (raw text)
        source.date as reported_local_date,
        source.heure as reported_local_time,
        source.date_heure as measured_at_iso,

        ----------  timestamps
        source._loaded_at as loaded_at

    from source

)

select * from renamed
