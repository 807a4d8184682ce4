{#
    Peaks per region (and nationally) and local calendar year: the
    var('consumption_peak_top_n') highest half hours, one row each, with the
    year's statistics repeated on every row: peak-to-mean ratio, load
    factor (mean / maximum power), and the share of the year's energy
    consumed in the local clock window [var('consumption_peak_window_start_hour'),
    var('consumption_peak_window_end_hour')). Mean power is energy over
    measured hours; coverage (measured versus expected half hours) is kept.

    Numeric outputs go through numeric(38, 9) before their final scale: a
    double cast straight to numeric(p, s) rounds differently on PostgreSQL
    (15 significant digits first) and DuckDB (exact binary value), e.g.
    5544524.1 / 200 = 27722.6205 gave .621 and .620.
#}

with

half_hours as (

    select
        region_code,
        region_name,
        consumption_mw,
        energy_mwh,
        measured_minutes,
        measured_date,
        measured_at
    from {{ ref('fct_consumption_half_hourly') }}

),

dates as (

    select
        calendar_year,
        sum(hours_in_day * 2) as expected_half_hour_count
    from {{ ref('dim_dates') }}
    group by 1

),

half_hours_classified as (

    select
        half_hours.*,
        cast(extract(year from half_hours.measured_date) as integer) as consumption_year,
        extract(hour from {{ utc_to_local('half_hours.measured_at') }})
        >= {{ var('consumption_peak_window_start_hour') }}
        and extract(hour from {{ utc_to_local('half_hours.measured_at') }})
        < {{ var('consumption_peak_window_end_hour') }}
            as is_in_peak_window
    from half_hours

),

years_aggregated as (

    select
        half_hours_classified.region_code,
        half_hours_classified.consumption_year,
        max(half_hours_classified.region_name) as region_name,
        sum(half_hours_classified.energy_mwh) as energy_mwh,
        sum(
            case
                when half_hours_classified.is_in_peak_window
                    then half_hours_classified.energy_mwh
                else 0
            end
        ) as peak_window_energy_mwh,
        sum(half_hours_classified.measured_minutes) as measured_minutes,
        max(half_hours_classified.consumption_mw) as max_consumption_mw,
        count(*) as measured_half_hour_count
    from half_hours_classified
    group by 1, 2

),

half_hours_ranked as (

    select
        half_hours_classified.region_code,
        half_hours_classified.consumption_year,
        half_hours_classified.consumption_mw,
        half_hours_classified.measured_date,
        half_hours_classified.measured_at,
        row_number() over (
            partition by half_hours_classified.region_code, half_hours_classified.consumption_year
            order by
                half_hours_classified.consumption_mw desc,
                half_hours_classified.measured_at asc
        ) as peak_rank
    from half_hours_classified

),

years_computed as (

    select
        years_aggregated.*,
        cast(years_aggregated.energy_mwh as double precision) * 60
        / years_aggregated.measured_minutes as mean_consumption_mw,
        dates.expected_half_hour_count
    from years_aggregated
    inner join dates
        on years_aggregated.consumption_year = dates.calendar_year

),

final as (

    select
        ----------  ids
        years_computed.region_code,

        ----------  strings
        years_computed.region_name,

        ----------  numerics
        cast(years_computed.consumption_year as integer) as consumption_year,
        cast(half_hours_ranked.peak_rank as integer) as peak_rank,
        cast(cast(half_hours_ranked.consumption_mw as numeric(38, 9)) as numeric(18, 4))
            as peak_consumption_mw,
        cast(cast(years_computed.max_consumption_mw as numeric(38, 9)) as numeric(18, 4))
            as max_consumption_mw,
        cast(cast(years_computed.mean_consumption_mw as numeric(38, 9)) as numeric(18, 3))
            as mean_consumption_mw,
        cast(cast(
            cast(years_computed.max_consumption_mw as double precision)
            / nullif(years_computed.mean_consumption_mw, 0) as numeric(38, 9)
        ) as numeric(10, 6)) as peak_to_mean_ratio,
        cast(cast(
            years_computed.mean_consumption_mw
            / nullif(cast(years_computed.max_consumption_mw as double precision), 0)
            as numeric(38, 9)
        ) as numeric(10, 6)) as load_factor,
        cast(cast(years_computed.energy_mwh as numeric(38, 9)) as numeric(20, 6)) as energy_mwh,
        cast(cast(years_computed.peak_window_energy_mwh as numeric(38, 9)) as numeric(20, 6))
            as peak_window_energy_mwh,
        cast(cast(
            cast(years_computed.peak_window_energy_mwh as double precision)
            / nullif(cast(years_computed.energy_mwh as double precision), 0) as numeric(38, 9)
        ) as numeric(10, 6)) as peak_window_energy_share,
        cast({{ var('consumption_peak_window_start_hour') }} as integer)
            as peak_window_start_hour,
        cast({{ var('consumption_peak_window_end_hour') }} as integer)
            as peak_window_end_hour,
        cast(years_computed.measured_half_hour_count as integer) as measured_half_hour_count,
        cast(years_computed.expected_half_hour_count as integer) as expected_half_hour_count,

        ----------  booleans
        years_computed.measured_minutes
        = years_computed.expected_half_hour_count * 30 as is_complete_year,

        ----------  dates
        half_hours_ranked.measured_date as peak_date,

        ----------  timestamps
        half_hours_ranked.measured_at as peak_at

    from years_computed
    inner join half_hours_ranked
        on
            years_computed.region_code = half_hours_ranked.region_code
            and years_computed.consumption_year = half_hours_ranked.consumption_year
    where half_hours_ranked.peak_rank <= {{ var('consumption_peak_top_n') }}

)

select * from final
