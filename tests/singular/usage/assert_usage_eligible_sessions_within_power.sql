{#
    Sanity check: after the TIRUERT exclusions, no session delivers
    more than var tiruert_power_margin (1.1) × its point's power × its
    duration (1e-9 kWh of floating tolerance).
#}

with

sessions as (

    select * from {{ ref('int_charging_sessions_flagged') }}

)

select
    sessions.charge_point_id,
    sessions.start_at,
    sessions.energy_kwh,
    sessions.power_kw,
    sessions.duration_hours
from sessions
where
    sessions.tiruert_exclusion_reason is null
    and sessions.energy_kwh
    > {{ var('tiruert_power_margin') }} * sessions.power_kw * sessions.duration_hours + 1e-9
