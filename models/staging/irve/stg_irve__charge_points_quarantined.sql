{#
    The static lines that did not reach the indicators, one row each:
    lines that cannot be typed ('quarantined') and typed lines whose values
    cannot be true ('flagged').
#}

{{ wattlas_quarantined_lines(
    ref('stg_irve__charge_points_typed'),
    "case typed.source_dataset when 'qualicharge_statique' then 'qualicharge__statique'"
    ~ " else 'irve__consolidation_statique' end",
    operational_unit_code='left(typed.charge_point_id, 5)',
    has_implausible=true,
) }}
