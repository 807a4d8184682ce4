{#
    éCO2mix lines (both variants) that cannot be typed, in the common
    quarantine shape (macros/staging/quarantine.sql).
#}

{{ wattlas_quarantined_lines(
    ref('stg_odre__eco2mix_regional_measurements_typed'),
    "'odre__' || typed.source_dataset",
) }}
