{#
    Helpers of the usage models.

    - usage_hour_indexes()  a derived table of hour_index 0..24 (the hours of
      a local day counted from its UTC start: 23, 24 or 25 of them; also
      the day offsets of a session running over several days).
    - usage_group_state(free, occupied, out_of_service, points)  group state
      of a station (docs/domain_rules.md §2.5), tested in order: desactive, hors_service,
      inactif, sature (free share < var usage_saturation_free_share),
      surcharge (< var usage_overload_free_share), actif.
    - station_group_states()  the group states as (value, column name) pairs,
      in the order of usage_group_state: the values are the published state
      labels, the column names (<name>_minutes, <name>_seconds) are English.
    - usage_json_number(expr, scale=6)  a number as JSON text, rounded to
      `scale` decimals and written the same way on both engines ('null'
      when NULL): the digits come from the integer round(|x| × 10^scale),
      identical on both (a cast of a large double to numeric is not exact
      on DuckDB); no decimals from 10^(18 - scale) up (10^12 at 6).
    - usage_json_string(expr)  a text as a JSON string literal, quoted, with
      backslash, double quote, tab, line feed and carriage return escaped
      ('null' when NULL): names published by operators go into extras.
    - usage_attributed(column)  an attribute of the charge point version
      valid that day (alias `periods`, int_charge_point_attribution_periods),
      else today's (alias `charge_points`, int_charge_points_enriched): operator,
      operational unit and aménageur of sessions and point-days.
    - usage_period_covers(charge_point_id, day)  join condition:
      the version of that point (alias `periods`) whose attribution period
      [attributed_from, attributed_to) contains the day; open at its end
      when attributed_to is NULL.
#}

{% macro usage_hour_indexes() -%}
    (
    {%- for hour in range(25) %}
        select {{ hour }} as hour_index{% if not loop.last %} union all{% endif %}
    {%- endfor %}
    )
{%- endmacro %}

{% macro usage_group_state(free, occupied, out_of_service, points) -%}
    case
        when {{ free }} + {{ occupied }} + {{ out_of_service }} = 0 then 'desactive'
        when {{ free }} + {{ occupied }} = 0 then 'hors_service'
        when {{ occupied }} = 0 then 'inactif'
        when
            {{ free }} < {{ var('usage_saturation_free_share') }} * {{ points }}
            then 'sature'
        when
            {{ free }} < {{ var('usage_overload_free_share') }} * {{ points }}
            then 'surcharge'
        else 'actif'
    end
{%- endmacro %}

{% macro station_group_states() -%}
    {{ return([
        ('desactive', 'deactivated'),
        ('hors_service', 'out_of_service'),
        ('inactif', 'inactive'),
        ('sature', 'saturated'),
        ('surcharge', 'overloaded'),
        ('actif', 'active'),
    ]) }}
{%- endmacro %}

{% macro usage_json_number(expression, scale=6) -%}
    {%- set unit = 10 ** scale -%}
    {%- set micro = 'cast(floor(abs(' ~ expression ~ ') * ' ~ unit ~ ' + 0.5) as bigint)' -%}
    (case
        when {{ expression }} is null then 'null'
        when abs({{ expression }}) >= {{ 10 ** (18 - scale) }}
            then cast(cast(round({{ expression }}) as bigint) as varchar)
        else
            case when {{ expression }} < 0 then '-' else '' end
            || cast(cast(({{ micro }} - {{ micro }} % {{ unit }}) / {{ unit }} as bigint) as varchar)
            || '.' || lpad(cast({{ micro }} % {{ unit }} as varchar), {{ scale }}, '0')
    end)
{%- endmacro %}

{% macro usage_json_string(expression) -%}
    (case
        when {{ expression }} is null then 'null'
        else
            '"' || replace(replace(replace(replace(replace(
                {{ expression }},
                '\', '\\'), '"', '\"'),
                chr(9), '\t'), chr(10), '\n'), chr(13), '\r')
            || '"'
    end)
{%- endmacro %}

{% macro usage_attributed(column) -%}
    coalesce(periods.{{ column }}, charge_points.{{ column }})
{%- endmacro %}

{% macro usage_period_covers(charge_point_id, day) -%}
    (
        {{ charge_point_id }} = periods.charge_point_id
        and {{ day }} >= periods.attributed_from
        and ({{ day }} < periods.attributed_to or periods.attributed_to is null)
    )
{%- endmacro %}

{#- A session set aside from the load factor: any TIRUERT exclusion flag
    except SIRE (an invalid aménageur SIREN says nothing about the energy
    the point delivered). -#}
{% macro usage_is_physically_excluded(relation) -%}
    (coalesce({{ relation }}.tiruert_exclusion_reason, 'SIRE') <> 'SIRE')
{%- endmacro %}
