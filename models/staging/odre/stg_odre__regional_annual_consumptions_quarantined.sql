{#
    Annual regional consumption lines that cannot be typed, in the common
    quarantine shape (macros/staging/quarantine.sql).
#}

{{ wattlas_quarantined_lines(
    ref('stg_odre__regional_annual_consumptions_typed'),
    "'odre__consommation_annuelle_brute_regionale'",
) }}
