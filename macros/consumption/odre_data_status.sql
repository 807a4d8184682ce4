{#
    Data status of an ODRE consumption line, from the label the export
    writes (éCO2mix 'Nature', the statut_* columns of the daily and annual
    consumption exports) to one vocabulary: definitive, consolidated,
    provisional, real_time, best_available. An unknown label is kept as it
    is, so a new one shows up in the accepted_values tests.

    - odre_data_status(expression)
#}

{% macro odre_data_status(expression) -%}
    {%- set statuses = {
        'Données définitives': 'definitive',
        'Définitif': 'definitive',
        'Définitive': 'definitive',
        'Données consolidées': 'consolidated',
        'Consolidé': 'consolidated',
        'Consolidée': 'consolidated',
        'Provisoire': 'provisional',
        'Données temps réel': 'real_time',
        'Temps réel': 'real_time',
        'Meilleur Statut': 'best_available',
    } -%}
    {%- set whens = [] -%}
    {%- for label, status in statuses.items() -%}
        {%- do whens.append("when '" ~ label ~ "' then '" ~ status ~ "'") -%}
    {%- endfor -%}
    (case {{ expression }} {{ whens | join(' ') }} else {{ expression }} end)
{%- endmacro %}
