{#
    Select list pivoting fct_indicators_infrastructure_long into one column
    per infrastructure indicator (wide BI marts). `relation` is the alias of
    the long rows of one level, grouped by target. No trailing comma.

    - infrastructure_wide_columns(relation, with_ratios=true, with_epci_density=false)
      i1 charge_point_count, i4 station_count, i7 installed_power_kw,
      i2/i3/i5/i6/i8/i9 ratios, t7 epci_density, t1 per power category
      charge_point_count_power_1..6 (0 when none).
#}

{% macro infrastructure_wide_columns(relation, with_ratios=true, with_epci_density=false) -%}
    {%- set columns = [] -%}
    {%- set plain = [
        ('i1', 'charge_point_count', 'integer'),
        ('i4', 'station_count', 'integer'),
        ('i7', 'installed_power_kw', 'double precision'),
    ] -%}
    {%- set ratios = [
        ('i2', 'charge_points_per_100k_inhabitants'),
        ('i3', 'charge_points_per_100_km2'),
        ('i5', 'stations_per_100k_inhabitants'),
        ('i6', 'stations_per_100_km2'),
        ('i8', 'installed_power_kw_per_100k_inhabitants'),
        ('i9', 'installed_power_kw_per_100_km2'),
    ] -%}
    {%- set labels = power_category_labels() -%}
    {%- for code, column, data_type in plain -%}
        {%- do columns.append(
            'cast(max(case when ' ~ relation ~ ".indicator_code = '" ~ code ~ "'\n"
            ~ '            then ' ~ relation ~ '.value end) as ' ~ data_type ~ ') as ' ~ column
        ) -%}
    {%- endfor -%}
    {%- if with_ratios -%}
        {%- for code, column in ratios -%}
            {%- do columns.append(
                'max(case when ' ~ relation ~ ".indicator_code = '" ~ code ~ "'\n"
                ~ '            then ' ~ relation ~ '.value end) as ' ~ column
            ) -%}
        {%- endfor -%}
    {%- endif -%}
    {%- if with_epci_density -%}
        {%- do columns.append(
            'max(case when ' ~ relation ~ ".indicator_code = 't7'\n"
            ~ '            then ' ~ relation ~ '.value end) as epci_density'
        ) -%}
    {%- endif -%}
    {%- for label in labels -%}
        {%- do columns.append(
            'cast(coalesce(max(case when ' ~ relation ~ ".indicator_code = 't1'\n"
            ~ '            and ' ~ relation ~ ".category = '" ~ label ~ "'\n"
            ~ '            then ' ~ relation ~ '.value end), 0) as integer)\n'
            ~ '            as charge_point_count_power_' ~ loop.index
        ) -%}
    {%- endfor -%}
    {{ columns | join(',\n        ') }}
{%- endmacro %}
