{#
    On heating days, consumption rises when it gets colder: every
    regression on working heating days over at least 30 days has a
    negative slope. A failing row is a region and period with a zero or
    positive slope: check the temperature join (region codes, dates) and
    the heating-day filter before the data.
#}

select
    region_code,
    period_type,
    period_label,
    day_count,
    slope_mwh_per_day_per_c,
    r_squared
from {{ ref('fct_thermosensitivity') }}
where
    day_scope = 'working_days'
    and day_count >= 30
    and (slope_mwh_per_day_per_c is null or slope_mwh_per_day_per_c >= 0)
