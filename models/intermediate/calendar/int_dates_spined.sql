{#
    Date spine [var('dim_dates_start'), var('dim_dates_end')): the end is
    exclusive.
#}

with

spine as (

    {{ wattlas_date_spine(
        "cast('" ~ var('dim_dates_start') ~ "' as date)",
        "cast('" ~ var('dim_dates_end') ~ "' as date)"
    ) }}

)

select * from spine
