{#
    Helpers of the static-data history (models/*/history).

    - history_file_name_date(file_column)
          delivery date written in a landed file name by the fetcher
          convention `<name>_<YYYY-MM-DD>.<ext>` (orchestration/ingestion/
          fetch.py), as a date; NULL when the name carries no date.
    - history_charge_point_tracked_columns()
          attributes of a charge point whose change opens a new version
          (those the indicators and the attribution use).
    - history_station_tracked_columns()
          same for a station.
    - history_is_changed(relation, columns, partition_by, order_by)
          boolean: some column differs (NULL-safe) from the previous row of
          the window; true on the first row of a partition.
#}

{% macro history_file_name_date(file_column) -%}
    {%- set dated = '^.*_([0-9]{4}-[0-9]{2}-[0-9]{2})[.][^/]*$' -%}
    (case
        when {{ wattlas_regex_matches(file_column, dated) }}
            then {{ wattlas_parse_date(
                "regexp_replace(" ~ file_column ~ ", '" ~ dated ~ "', '\\1')"
            ) }}
    end)
{%- endmacro %}

{% macro history_charge_point_tracked_columns() %}
    {{ return([
        'station_id', 'operational_unit_code', 'amenageur_siren',
        'amenageur_name', 'operator_name', 'brand_name', 'commune_code',
        'power_kw', 'longitude', 'latitude', 'has_socket_ef',
        'has_socket_type_2', 'has_socket_combo_ccs', 'has_socket_chademo',
        'has_socket_other', 'raccordement', 'pdl_number',
        'station_implantation', 'station_charge_point_count',
    ]) }}
{% endmacro %}

{% macro history_station_tracked_columns() %}
    {{ return([
        'operational_unit_code', 'amenageur_siren', 'amenageur_name',
        'operator_name', 'brand_name', 'commune_code', 'station_name',
        'station_implantation', 'raccordement', 'pdl_number',
        'charge_point_count', 'valid_charge_point_count', 'total_power_kw',
        'is_dc',
    ]) }}
{% endmacro %}

{% macro history_is_changed(relation, columns, partition_by, order_by) -%}
    (
    {%- for column in columns %}
        {{ 'or ' if not loop.first }}(lag({{ relation }}.{{ column }}) over (
            partition by {{ partition_by }} order by {{ order_by }}
        ) is distinct from {{ relation }}.{{ column }})
    {%- endfor %}
        or row_number() over (
            partition by {{ partition_by }} order by {{ order_by }}
        ) = 1
    )
{%- endmacro %}
