{#
    Heating degree days (DJU, degrés-jours unifiés) per region and calendar
    month: the sum over the month's days of max(0, base - mean temperature),
    base var('consumption_degree_day_base_c'), from ODRE's daily regional
    mean temperature (TMoy). Days without a temperature add nothing and are
    counted (is_complete_month is false then).

    Numeric outputs go through numeric(38, 9) before their final scale: a
    double cast straight to numeric(p, s) rounds differently on PostgreSQL
    (15 significant digits first) and DuckDB (exact binary value), e.g.
    5544524.1 / 200 = 27722.6205 gave .621 and .620.
#}

with

temperatures as (

    select
        region_code,
        region_name,
        mean_temperature_c,
        measured_date
    from {{ ref('stg_odre__regional_daily_temperatures') }}

),

dates as (

    select
        date_day,
        calendar_year,
        month_of_year
    from {{ ref('dim_dates') }}

),

months as (

    select
        dates.calendar_year,
        dates.month_of_year,
        min(dates.date_day) as month_start_date,
        count(*) as days_in_month
    from dates
    group by 1, 2

),

months_aggregated as (

    select
        temperatures.region_code,
        dates.calendar_year,
        dates.month_of_year,
        max(temperatures.region_name) as region_name,
        sum(
            greatest(
                {{ var('consumption_degree_day_base_c') }} - temperatures.mean_temperature_c,
                0
            )
        ) as heating_degree_days,
        avg(cast(temperatures.mean_temperature_c as double precision)) as mean_temperature_c,
        count(*) as measured_day_count,
        sum(
            case
                when
                    temperatures.mean_temperature_c
                    < {{ var('consumption_heating_threshold_c') }}
                    then 1
                else 0
            end
        ) as heating_day_count
    from temperatures
    inner join dates
        on temperatures.measured_date = dates.date_day
    group by 1, 2, 3

),

final as (

    select
        ----------  ids
        months_aggregated.region_code,

        ----------  strings
        months_aggregated.region_name,

        ----------  numerics
        cast(months_aggregated.calendar_year as integer) as calendar_year,
        cast(months_aggregated.month_of_year as integer) as month_of_year,
        cast({{ var('consumption_degree_day_base_c') }} as numeric(5, 2))
            as degree_day_base_c,
        cast(cast(months_aggregated.heating_degree_days as numeric(38, 9)) as numeric(8, 2))
            as heating_degree_days,
        cast(cast(months_aggregated.mean_temperature_c as numeric(38, 9)) as numeric(8, 3))
            as mean_temperature_c,
        cast(months_aggregated.measured_day_count as integer) as measured_day_count,
        cast(months.days_in_month as integer) as days_in_month,
        cast(months_aggregated.heating_day_count as integer) as heating_day_count,

        ----------  booleans
        months_aggregated.measured_day_count = months.days_in_month as is_complete_month,

        ----------  dates
        months.month_start_date

    from months_aggregated
    inner join months
        on
            months_aggregated.calendar_year = months.calendar_year
            and months_aggregated.month_of_year = months.month_of_year

)

select * from final
