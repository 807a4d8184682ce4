{#
    Charge point rules of docs/domain_rules.md §2.2 and §1.3, as SQL expressions that
    give the same result on DuckDB and PostgreSQL.

    - is_dc_charge_point(power, has_combo_ccs, has_chademo)
          DC test on one charge point: power >= var dc_min_power_kw (50) or a
          combo CCS or a CHAdeMO socket (NULL sockets count as absent). The
          one DC rule: indicators, supply types and quality rules all use it.
    - is_pdl_valid(pdl)
          u14 "valid PDL": false when NULL, containing a space, containing
          '123456789', starting with '000', one of '', '11111111111111',
          '99999999999999', or without any digit; true otherwise.
    - supply_type(is_dc, raccordement, is_pdl_valid)
          alimentation category: DC_direct_valid, DC_direct_invalid,
          DC_indirect, AC_direct_valid, AC_direct_invalid, AC_indirect.
          Only raccordement = 'Direct' is direct: NULL falls through to the
          last branch (AC_indirect), even for DC (§2.2, §5.16).
    - is_siren_valid(siren)
          9 digits, above 000000001, Luhn checksum (§1.3). NULL when the
          SIREN is NULL: an absent SIREN is unknown, not invalid; callers
          that need a yes/no decide what absent means.
#}

{% macro is_dc_charge_point(power_column, combo_ccs_column, chademo_column) -%}
    (
        coalesce({{ power_column }} >= {{ var('dc_min_power_kw') }}, false)
        or coalesce({{ combo_ccs_column }}, false)
        or coalesce({{ chademo_column }}, false)
    )
{%- endmacro %}

{% macro is_pdl_valid(pdl_column) -%}
    (
        case
            when {{ pdl_column }} is null then false
            when {{ pdl_column }} like '% %' then false
            when {{ pdl_column }} like '%123456789%' then false
            when {{ pdl_column }} like '000%' then false
            when {{ pdl_column }} in ('', '11111111111111', '99999999999999') then false
            when not {{ wattlas_regex_matches(pdl_column, '[0-9]') }} then false
            else true
        end
    )
{%- endmacro %}

{% macro supply_type(is_dc_column, raccordement_column, is_pdl_valid_column) -%}
    case
        when {{ is_dc_column }} and {{ raccordement_column }} = 'Direct'
            and {{ is_pdl_valid_column }} then 'DC_direct_valid'
        when {{ is_dc_column }} and {{ raccordement_column }} = 'Direct'
            then 'DC_direct_invalid'
        when {{ is_dc_column }} and {{ raccordement_column }} = 'Indirect'
            then 'DC_indirect'
        when not {{ is_dc_column }} and {{ raccordement_column }} = 'Direct'
            and {{ is_pdl_valid_column }} then 'AC_direct_valid'
        when not {{ is_dc_column }} and {{ raccordement_column }} = 'Direct'
            then 'AC_direct_invalid'
        else 'AC_indirect'
    end
{%- endmacro %}

{% macro siren_digit(siren_column, position) -%}
    cast(substr({{ siren_column }}, {{ position }}, 1) as integer)
{%- endmacro %}

{% macro siren_doubled_digit(siren_column, position) -%}
    (
        2 * {{ siren_digit(siren_column, position) }}
        - case when {{ siren_digit(siren_column, position) }} >= 5 then 9 else 0 end
    )
{%- endmacro %}

{% macro is_siren_valid(siren_column) -%}
    (
        case
            when {{ siren_column }} is null then null
            when not {{ wattlas_regex_matches(siren_column, '^[0-9]{9}$') }} then false
            when cast({{ siren_column }} as bigint) <= 1 then false
            else (
                {{ siren_digit(siren_column, 1) }}
                + {{ siren_doubled_digit(siren_column, 2) }}
                + {{ siren_digit(siren_column, 3) }}
                + {{ siren_doubled_digit(siren_column, 4) }}
                + {{ siren_digit(siren_column, 5) }}
                + {{ siren_doubled_digit(siren_column, 6) }}
                + {{ siren_digit(siren_column, 7) }}
                + {{ siren_doubled_digit(siren_column, 8) }}
                + {{ siren_digit(siren_column, 9) }}
            ) % 10 = 0
        end
    )
{%- endmacro %}
