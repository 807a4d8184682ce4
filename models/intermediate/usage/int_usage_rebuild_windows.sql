{{
    config(
        materialized='incremental',
        incremental_strategy='append',
    )
}}

{#
    The log of the local days incremental runs of the usage models rebuild
    when no [min_date, max_date) is given: one row per run that found new
    staged rows (loaded after the latest row's last_loaded_at), none when
    nothing new was loaded. The usage models rebuild from the first_day of
    the latest row: the first day a newly loaded status or session falls on,
    so a day's files cost that day's work whatever the history. A status
    carries into the days after it, hence every day from first_day on, not a
    set of days. first_day is no earlier than the reprocessing window before
    the latest status day or the latest session day, whichever is earlier
    (each may run late): older late rows are reported by
    fct_usage_dynamic_rows_daily, not merged. A run without new rows
    rebuilds the latest row's days again, to the same rows.
#}

with

statuses as (

    select
        'statuses' as feed_kind,
        status_date as local_date,
        loaded_at
    from {{ ref('stg_irve__charge_point_statuses') }}
    {# implausible lines reach no usage model: a line dated 2099 must not
       move the window #}
    where implausible_reason is null

),

sessions as (

    select
        'sessions' as feed_kind,
        start_date as local_date,
        loaded_at
    from {{ ref('stg_irve__charging_sessions') }}
    where implausible_reason is null

),

staged as (

    select * from statuses
    union all
    select * from sessions

),

latest_days as (

    select
        staged.feed_kind,
        max(staged.local_date) as last_day
    from staged
    group by staged.feed_kind

),

new_rows as (

    select staged.*
    from staged
    {% if is_incremental() -%}
        where staged.loaded_at > (
            select max(this.last_loaded_at) as watermark from {{ this }} as this
        )
    {%- endif %}

),

new_bounds as (

    select
        min(new_rows.local_date) as first_new_day,
        max(new_rows.loaded_at) as last_loaded_at,
        (select max(latest_days.last_day) as last_day from latest_days) as last_day,
        {# each kind may be late by the window behind its own latest day #}
        cast(
            (select min(latest_days.last_day) as last_day from latest_days)
            - {{ var('usage_reprocessing_window_days') }} as date
        ) as window_first_day
    from new_rows

),

final as (

    select
        ----------  dates
        case
            when new_bounds.first_new_day < new_bounds.window_first_day
                then new_bounds.window_first_day
            else new_bounds.first_new_day
        end as first_day,
        new_bounds.first_new_day,
        new_bounds.last_day,

        ----------  timestamps
        new_bounds.last_loaded_at
    from new_bounds
    where new_bounds.last_loaded_at is not null

)

select * from final
