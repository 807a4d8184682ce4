{#
    Charging sessions attributed to the charge point's operator,
    operational unit, aménageur and station valid at the session's start
    (dim_charge_points_history version with valid_from <= start_date <
    valid_to), not today's. A session earlier than the point's first known
    version takes that first version ('earliest_known'); a session of a
    point absent from the static history stays unattributed ('unknown').
    One row per session (charge point, start, end).
#}

with

sessions as (

    select * from {{ ref('stg_irve__charging_sessions') }}

),

history as (

    select * from {{ ref('dim_charge_points_history') }}

),

first_versions as (

    select history.* from history
    where history.version_number = 1

),

current_versions as (

    {# Latest version of each point (in force, or the last before removal). #}
    select
        history.charge_point_id,
        history.operator_name,
        row_number() over (
            partition by history.charge_point_id order by history.version_number desc
        ) as rn
    from history

),

attributed as (

    select
        ----------  ids
        sessions.charge_point_id,
        coalesce(valid_versions.station_id, first_versions.station_id) as station_id,
        coalesce(
            valid_versions.operational_unit_code, first_versions.operational_unit_code
        ) as operational_unit_code,
        coalesce(valid_versions.amenageur_siren, first_versions.amenageur_siren)
            as amenageur_siren,
        coalesce(
            valid_versions.charge_point_version_id, first_versions.charge_point_version_id
        ) as charge_point_version_id,

        ----------  strings
        coalesce(valid_versions.operator_name, first_versions.operator_name) as operator_name,
        coalesce(valid_versions.amenageur_name, first_versions.amenageur_name)
            as amenageur_name,
        current_versions.operator_name as latest_operator_name,
        case
            when valid_versions.charge_point_id is not null then 'valid_at_start'
            when
                first_versions.charge_point_id is not null
                and sessions.start_date < first_versions.valid_from then 'earliest_known'
            else 'unknown'
        end as attribution_basis,
        sessions.feed,

        ----------  numerics
        sessions.energy_kwh,
        sessions.duration_seconds,

        ----------  dates
        sessions.start_date,

        ----------  timestamps
        sessions.start_at,
        sessions.end_at
    from sessions
    left join history as valid_versions
        on
            sessions.charge_point_id = valid_versions.charge_point_id
            and sessions.start_date >= valid_versions.valid_from
            and (
                sessions.start_date < valid_versions.valid_to
                or valid_versions.valid_to is null
            )
    left join first_versions
        on
            sessions.charge_point_id = first_versions.charge_point_id
            and valid_versions.charge_point_id is null
            and sessions.start_date < first_versions.valid_from
    left join current_versions
        on
            sessions.charge_point_id = current_versions.charge_point_id
            and current_versions.rn = 1

),

final as (

    select
        cast(attributed.charge_point_id as text) as charge_point_id,
        cast(attributed.station_id as text) as station_id,
        cast(attributed.operational_unit_code as text) as operational_unit_code,
        cast(attributed.amenageur_siren as text) as amenageur_siren,
        cast(attributed.charge_point_version_id as text) as charge_point_version_id,
        cast(attributed.operator_name as text) as operator_name,
        cast(attributed.amenageur_name as text) as amenageur_name,
        cast(attributed.latest_operator_name as text) as latest_operator_name,
        cast(attributed.attribution_basis as text) as attribution_basis,
        cast(attributed.feed as text) as feed,
        cast(attributed.energy_kwh as double precision) as energy_kwh,
        cast(attributed.duration_seconds as double precision) as duration_seconds,
        (attributed.operator_name is distinct from attributed.latest_operator_name)
            as is_operator_changed_since,
        attributed.start_date,
        attributed.start_at,
        attributed.end_at
    from attributed

)

select * from final
