{#
    The session lines that did not reach the indicators, one row each:
    lines that cannot be typed ('quarantined') and typed lines whose values
    cannot be true ('flagged').
#}

{{ wattlas_quarantined_lines(
    ref('stg_irve__charging_sessions_typed'),
    "case typed.feed when 'qualicharge_sessions' then 'qualicharge__sessions'"
    ~ " else 'operators__sessions' end",
    operational_unit_code='left(typed.parsed_charge_point_id, 5)',
    has_implausible=true,
) }}
