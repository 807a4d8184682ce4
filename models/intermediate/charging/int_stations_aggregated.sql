{#
    One row per station: attributes of a representative charge point row
    (the flat IRVE record repeats the station fields on every point; the
    latest date_maj wins, then the smallest charge point id) and aggregates
    over the station's charge points (count, power, DC test).
#}

with

charge_points as (

    select * from {{ ref('int_charge_points_located') }}

),

ranked as (

    select
        charge_points.*,
        row_number() over (
            partition by charge_points.station_id
            order by
                charge_points.updated_date desc nulls last,
                charge_points.charge_point_id asc
        ) as rn
    from charge_points

),

representatives as (

    select ranked.* from ranked
    where ranked.rn = 1

),

aggregated as (

    select
        charge_points.station_id,
        count(*) as charge_point_count,
        sum(
            case when charge_points.has_valid_charge_point_id then 1 else 0 end
        ) as valid_charge_point_count,
        -- rounded to 6 decimals (1 mW): a float sum's last digit depends on
        -- the order rows reach it, which changes between rebuilds and made
        -- the snap_stations check snapshot record phantom versions
        {{ wattlas_round('sum(charge_points.power_kw)', 6) }} as total_power_kw,
        max(charge_points.power_kw) as max_power_kw,
        bool_or(charge_points.is_dc_point) as is_dc,
        count(distinct charge_points.commune_code) as commune_count
    from charge_points
    group by 1

),

joined as (

    select
        ----------  ids
        representatives.station_id,
        representatives.operational_unit_code,
        representatives.amenageur_siren,
        representatives.commune_code,
        representatives.raw_commune_code,
        representatives.department_code,
        representatives.region_code,
        representatives.epci_code,
        representatives.pdl_number,

        ----------  strings
        representatives.amenageur_name,
        representatives.operator_name,
        representatives.brand_name,
        representatives.station_name,
        representatives.station_implantation,
        representatives.station_address,
        representatives.access_condition,
        representatives.raccordement,
        representatives.zone,
        {{ supply_type(
            'aggregated.is_dc',
            'representatives.raccordement',
            'representatives.is_pdl_valid',
        ) }} as supply_type,

        ----------  numerics
        aggregated.charge_point_count,
        aggregated.valid_charge_point_count,
        representatives.station_charge_point_count as declared_charge_point_count,
        aggregated.total_power_kw,
        aggregated.max_power_kw,
        aggregated.commune_count,
        representatives.longitude,
        representatives.latitude,

        ----------  booleans
        representatives.is_located,
        aggregated.is_dc,
        representatives.is_direct_connection,
        representatives.is_pdl_valid,

        ----------  dates
        representatives.commissioned_date,
        representatives.updated_date
    from representatives
    inner join aggregated
        on representatives.station_id = aggregated.station_id

)

select * from joined
