{#
    INSEE comparateur 2018 statistics at the grain of a COG 2026 commune.
    - A commune whose own INSEE row has statistics keeps them (Paris 75056
      and Lyon 69123 have their own rows in the file).
    - Otherwise, when the commune has municipal arrondissements and every
      one of them has statistics, their values are summed
      (statistics_source = 'arrondissements_sum').
    - INSEE codes are matched as they are: the file uses COG 2021, so codes
      that disappeared in mergers by 2026 are dropped, and a merged commune
      that kept one of the old codes only carries that old commune's
      figures. Marseille (13055) has no data: PACA is not in this copy.
    - Former codes of int_commune_codes_mapped are left out: the figures
      stay those of the current code's own INSEE row, as before former
      codes were resolved.
#}
{% set measures = [
    'population_2018',
    'households_2018',
    'dwellings_2018',
    'principal_residences_2018',
    'secondary_residences_2018',
    'vacant_dwellings_2018',
    'area_km2',
] %}

with

commune_codes as (

    select
        geo_code,
        commune_code,
        is_municipal_arrondissement
    from {{ ref('int_commune_codes_mapped') }}
    where resolved_by in ('current', 'arrondissement')

),

commune_statistics as (

    select * from {{ ref('stg_insee__commune_statistics') }}

),

statistics_mapped as (

    select
        commune_codes.geo_code,
        commune_codes.commune_code,
        commune_codes.is_municipal_arrondissement,
        {% for measure in measures %}
            commune_statistics.{{ measure }},
        {% endfor %}
        coalesce(commune_statistics.has_statistics, false) as has_statistics
    from commune_codes
    left join commune_statistics
        on commune_codes.geo_code = commune_statistics.geo_code

),

arrondissements_summed as (

    select
        statistics_mapped.commune_code,
        {% for measure in measures %}
            sum(statistics_mapped.{{ measure }}) as {{ measure }},
        {% endfor %}
        count(*) as arrondissement_count,
        sum(
            case when statistics_mapped.has_statistics then 1 else 0 end
        ) as arrondissement_with_statistics_count
    from statistics_mapped
    where statistics_mapped.is_municipal_arrondissement
    group by 1

),

communes_rolled_up as (

    select
        communes.commune_code,
        cast(coalesce(arrondissements.arrondissement_count, 0) as integer)
            as arrondissement_count,
        {% for measure in measures %}
            case
                when communes.has_statistics then communes.{{ measure }}
                when
                    arrondissements.arrondissement_count
                    = arrondissements.arrondissement_with_statistics_count
                    then arrondissements.{{ measure }}
            end as {{ measure }},
        {% endfor %}
        case
            when communes.has_statistics then 'commune_row'
            when
                arrondissements.arrondissement_count
                = arrondissements.arrondissement_with_statistics_count
                then 'arrondissements_sum'
        end as statistics_source
    from statistics_mapped as communes
    left join arrondissements_summed as arrondissements
        on communes.commune_code = arrondissements.commune_code
    where not communes.is_municipal_arrondissement

)

select * from communes_rolled_up
