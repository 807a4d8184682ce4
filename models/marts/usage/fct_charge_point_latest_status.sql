{#
    The state of every charge point now: its latest plausible status event
    (status, occupancy, when it was reported) and since when that state has
    held (the first event of the trailing run of events with the same
    status and occupancy). Incremental: a run reads only the status lines
    loaded since the previous one, and the stored row of each point they
    touch stands for the point's history (two events: the state's first
    and its latest report), so "what is the state now" never scans history.
    An event older than the point's stored latest report (a late line, or
    a file loaded again) cannot change the state now and is not read.
#}

{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='charge_point_id',
        on_schema_change='fail',
    )
}}

with

statuses as (

    select * from {{ ref('stg_irve__charge_point_statuses') }}
    {# Implausible lines (a 2099 time, a time after the load) never become the state. #}
    where
        implausible_reason is null
        {% if is_incremental() -%}
            and loaded_at > {{ wattlas_watermark('last_loaded_at') }}
        {%- endif %}

),

{% if is_incremental() %}

    stored as (

        select * from {{ this }}
        where charge_point_id in (select statuses.charge_point_id from statuses)

    ),

{% endif %}

events as (

    select
        statuses.charge_point_id,
        statuses.operational_unit_code,
        statuses.status,
        statuses.occupancy,
        statuses.feed,
        statuses.status_at
    from statuses

    {% if is_incremental() %}

        left join stored
            on statuses.charge_point_id = stored.charge_point_id
        where
            stored.charge_point_id is null
            or statuses.status_at >= stored.last_status_at

        {# The stored state of the touched points, as its first and latest reports. #}
        {% for reported_at in ['state_since', 'last_status_at'] %}

            union all

            select
                stored.charge_point_id,
                stored.operational_unit_code,
                stored.status,
                stored.occupancy,
                stored.feed,
                stored.{{ reported_at }} as status_at
            from stored

        {% endfor %}

    {% endif %}

),

ordered as (

    select
        events.*,
        row_number() over (
            partition by events.charge_point_id
            order by events.status_at desc, events.status asc, events.occupancy asc
        ) as recency
    from events

),

latest as (

    select * from ordered
    where recency = 1

),

{# The latest event whose state differs from the current one: the current
   state holds since the next event. #}
state_breaks as (

    select
        ordered.charge_point_id,
        max(ordered.status_at) as last_other_state_at
    from ordered
    inner join latest
        on ordered.charge_point_id = latest.charge_point_id
    where
        ordered.status is distinct from latest.status
        or ordered.occupancy is distinct from latest.occupancy
    group by ordered.charge_point_id

),

state_starts as (

    select
        ordered.charge_point_id,
        min(ordered.status_at) as state_since
    from ordered
    left join state_breaks
        on ordered.charge_point_id = state_breaks.charge_point_id
    where
        state_breaks.last_other_state_at is null
        or ordered.status_at > state_breaks.last_other_state_at
    group by ordered.charge_point_id

),

final as (

    select
        ----------  ids
        cast(latest.charge_point_id as text) as charge_point_id,
        cast(latest.operational_unit_code as text) as operational_unit_code,

        ----------  strings
        cast(latest.status as text) as status,
        cast(latest.occupancy as text) as occupancy,
        cast(latest.feed as text) as feed,

        ----------  timestamps
        cast(state_starts.state_since as timestamp) as state_since,
        cast(latest.status_at as timestamp) as last_status_at,
        {# The watermark of the next run: the latest load this run read. #}
        cast(
            (select max(statuses.loaded_at) as watermark from statuses) as timestamp
        ) as last_loaded_at
    from latest
    inner join state_starts
        on latest.charge_point_id = state_starts.charge_point_id

)

select * from final
