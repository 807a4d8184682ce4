{#
    Daily regional temperature lines that cannot be typed, in the common
    quarantine shape (macros/staging/quarantine.sql).
#}

{{ wattlas_quarantined_lines(
    ref('stg_odre__regional_daily_temperatures_typed'),
    "'odre__temperature_quotidienne_regionale'",
) }}
