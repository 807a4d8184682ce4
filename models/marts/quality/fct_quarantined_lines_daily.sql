{#
    Lines set aside per dataset, operational unit, load day, disposition
    and reason: how much of each operator's delivery of a day did not
    reach the indicators, and why.
#}

with

quarantined_lines as (

    select * from {{ ref('fct_quarantined_lines') }}

),

counted as (

    select
        ----------  ids
        quarantined_lines.dataset,
        quarantined_lines.operational_unit_code,

        ----------  strings
        quarantined_lines.disposition,
        quarantined_lines.reason,

        ----------  dates
        {{ utc_to_local_date('quarantined_lines.loaded_at') }} as loaded_at_date,

        ----------  numerics
        cast(count(*) as bigint) as line_count
    from quarantined_lines
    group by 1, 2, 3, 4, 5

)

select * from counted
