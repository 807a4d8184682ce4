{#
    Agence ORE annual consumption per sector, summed over network operators,
    at three levels: department, region, and national (area code
    var('consumption_national_area_code'), every row of the file, including
    the volumes operators could not assign to a department). Energy per
    delivery point for every sector; residential energy per inhabitant and
    per household (INSEE 2018) on the residential rows of departments and
    regions.

    Numeric outputs go through numeric(38, 9) before their final scale: a
    double cast straight to numeric(p, s) rounds differently on PostgreSQL
    (15 significant digits first) and DuckDB (exact binary value), e.g.
    5544524.1 / 200 = 27722.6205 gave .621 and .620.
#}

{%- set measure_columns -%}
    consumptions_located.department_code,
    consumptions_located.energy,
    consumptions_located.sector,
    consumptions_located.operator_name,
    consumptions_located.consumption_year,
    consumptions_located.consumption_mwh,
    consumptions_located.delivery_point_count,
    consumptions_located.secret_mesh_count
{%- endset %}

with

sector_consumptions as (

    select
        department_code,
        region_code,
        energy,
        sector,
        operator_name,
        consumption_year,
        consumption_mwh,
        delivery_point_count,
        secret_mesh_count
    from {{ ref('stg_ore__department_sector_consumptions') }}

),

departments as (

    select
        department_code,
        region_code,
        department_name
    from {{ ref('dim_departments') }}

),

regions as (

    select
        region_code,
        region_name
    from {{ ref('dim_regions') }}

),

area_populations as (

    select * from {{ ref('int_area_populations_aggregated') }}

),

consumptions_located as (

    select
        sector_consumptions.*,
        coalesce(departments.region_code, sector_consumptions.region_code)
            as resolved_region_code
    from sector_consumptions
    left join departments
        on sector_consumptions.department_code = departments.department_code

),

areas_assigned as (

    select
        'department' as area_level,
        consumptions_located.department_code as area_code,
        consumptions_located.resolved_region_code as region_code,
        {{ measure_columns }}
    from consumptions_located
    where consumptions_located.department_code is not null

    union all

    select
        'region' as area_level,
        consumptions_located.resolved_region_code as area_code,
        consumptions_located.resolved_region_code as region_code,
        {{ measure_columns }}
    from consumptions_located
    where consumptions_located.resolved_region_code is not null

    union all

    select
        'national' as area_level,
        '{{ var("consumption_national_area_code") }}' as area_code,
        cast(null as varchar) as region_code,
        {{ measure_columns }}
    from consumptions_located

),

areas_aggregated as (

    select
        areas_assigned.area_level,
        areas_assigned.area_code,
        areas_assigned.consumption_year,
        areas_assigned.energy,
        areas_assigned.sector,
        max(areas_assigned.region_code) as region_code,
        sum(areas_assigned.consumption_mwh) as consumption_mwh,
        sum(areas_assigned.delivery_point_count) as delivery_point_count,
        sum(areas_assigned.secret_mesh_count) as secret_mesh_count,
        count(distinct areas_assigned.operator_name) as operator_count,
        sum(case when areas_assigned.department_code is null then 1 else 0 end)
            as unassigned_row_count
    from areas_assigned
    group by 1, 2, 3, 4, 5

),

final as (

    select
        ----------  ids
        cast(areas_aggregated.area_level as varchar) as area_level,
        cast(areas_aggregated.area_code as varchar) as area_code,
        areas_aggregated.region_code,

        ----------  strings
        case areas_aggregated.area_level
            when 'department' then departments.department_name
            when 'region' then regions.region_name
            else 'France'
        end as area_name,
        areas_aggregated.energy,
        areas_aggregated.sector,

        ----------  numerics
        cast(areas_aggregated.consumption_year as integer) as consumption_year,
        cast(cast(areas_aggregated.consumption_mwh as numeric(38, 9)) as numeric(20, 3))
            as consumption_mwh,
        cast(areas_aggregated.delivery_point_count as bigint) as delivery_point_count,
        cast(areas_aggregated.secret_mesh_count as bigint) as secret_mesh_count,
        cast(areas_aggregated.operator_count as integer) as operator_count,
        cast(areas_aggregated.unassigned_row_count as integer) as unassigned_row_count,
        cast(cast(
            cast(areas_aggregated.consumption_mwh as double precision)
            / nullif(areas_aggregated.delivery_point_count, 0) as numeric(38, 9)
        ) as numeric(18, 3)) as mwh_per_delivery_point,
        cast(round(area_populations.insee_population_2018) as bigint)
            as insee_population_2018,
        cast(
            cast(area_populations.insee_principal_residences_2018 as numeric(38, 9))
            as numeric(14, 1)
        ) as insee_principal_residences_2018,
        cast(cast(
            case
                when areas_aggregated.sector = 'residential'
                    then
                        cast(areas_aggregated.consumption_mwh as double precision) * 1000
                        / nullif(area_populations.insee_population_2018, 0)
            end as numeric(38, 9)
        ) as numeric(14, 3)) as residential_kwh_per_inhabitant,
        cast(cast(
            case
                when areas_aggregated.sector = 'residential'
                    then
                        cast(areas_aggregated.consumption_mwh as double precision) * 1000
                        / nullif(area_populations.insee_principal_residences_2018, 0)
            end as numeric(38, 9)
        ) as numeric(14, 3)) as residential_kwh_per_household

    from areas_aggregated
    left join departments
        on
            areas_aggregated.area_level = 'department'
            and areas_aggregated.area_code = departments.department_code
    left join regions
        on
            areas_aggregated.area_level = 'region'
            and areas_aggregated.area_code = regions.region_code
    left join area_populations
        on
            areas_aggregated.area_level = area_populations.area_level
            and areas_aggregated.area_code = area_populations.area_code

)

select * from final
