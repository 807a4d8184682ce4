{#
    The status lines that did not reach the indicators, one row each:
    lines that cannot be typed ('quarantined') and typed lines whose values
    cannot be true ('flagged').
#}

{{ wattlas_quarantined_lines(
    ref('stg_irve__charge_point_statuses_typed'),
    "case typed.feed"
    ~ " when 'irve_snapshot' then 'irve__consolidation_dynamique'"
    ~ " when 'irve_status_changes' then 'irve__changements_statut'"
    ~ " when 'qualicharge_statuses' then 'qualicharge__statuses'"
    ~ " else 'operators__statuses' end",
    operational_unit_code='left(typed.parsed_charge_point_id, 5)',
    has_implausible=true,
) }}
