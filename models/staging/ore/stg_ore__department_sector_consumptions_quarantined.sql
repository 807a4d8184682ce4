{#
    Agence ORE department lines that cannot be typed, in the common
    quarantine shape (macros/staging/quarantine.sql).
#}

{{ wattlas_quarantined_lines(
    ref('stg_ore__department_sector_consumptions_typed'),
    "'ore__conso_secteur_departement'",
) }}
