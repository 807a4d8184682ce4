{#
    Rounding that gives the same digits on DuckDB and PostgreSQL: the one
    rounding of the project (infrastructure ratios, usage sums and means).

    - wattlas_round(expression, scale=6)  half up to `scale` decimals, in
      double precision arithmetic and two steps: first to scale + 3
      decimals, which absorbs the last-bit noise of float sums made in a
      different order on each engine, then to scale. Not through numeric:
      a cast of a large double to numeric is not exact on DuckDB.
    - wattlas_round_significant(expression)  about 9 significant digits (6
      decimals below 1,000, 3 below 1,000,000, none above), so that values
      summed in a different order on each engine print the same digits.
    NULL stays NULL.
#}

{% macro wattlas_round(expression, scale=6) -%}
    cast(
        floor(
            floor(cast({{ expression }} as double precision) * {{ 10 ** (scale + 3) }} + 0.5)
            / 1000.0 + 0.5
        ) / {{ 10 ** scale }}.0 as double precision
    )
{%- endmacro %}

{% macro wattlas_round_significant(expression) -%}
    (case
        when abs({{ expression }}) < 1000 then {{ wattlas_round(expression, 6) }}
        when abs({{ expression }}) < 1000000 then {{ wattlas_round(expression, 3) }}
        else {{ wattlas_round(expression, 0) }}
    end)
{%- endmacro %}
