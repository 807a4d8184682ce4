{#
    National consumption lines that cannot be typed, in the common
    quarantine shape (macros/staging/quarantine.sql).
#}

{{ wattlas_quarantined_lines(
    ref('stg_odre__national_consumption_measurements_typed'),
    "'odre__consommation_quotidienne_brute'",
) }}
