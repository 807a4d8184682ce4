{#
    Historisation rollup of docs/domain_rules.md §2.6 (reference historicize/up.py):
    groups rows of a finer period by (indicator_code, level, target,
    category) and the coarser period start, and combines their statistics:
        size = Σ size_i
        mean = Σ size_i·mean_i / size
        var  = Σ size_i·(var_i + (mean_i − mean)²) / size   (pooled population
               variance, the stable form of Σ size_i(var_i + mean_i²)/size − mean²)
        std = √var, sum = Σ sum_i, min = min(min_i), max = max(max_i),
        (mean, sum and the ratio parts are summed exactly in nano-units),
        last = last_i of the latest input period;
    numerator and denominator (additive parts of the ratios) are summed.
    Input columns: indicator_code, level, level_name, target, category,
    period_start, size, mean_value, variance, min_value, max_value,
    last_value, sum_value, numerator, denominator.

    usage_rollup(input, period_code, trunc_unit, input_filter)  a SELECT of
    the rollup, of the input rows where input_filter holds (default all).
    usage_rollup_rounded(input)  a SELECT of the rows of a usage_rollup as
    fct_indicators_usage_rollups stores them: the value (Σ numerator /
    Σ denominator for a ratio, else the mean), the standard deviation, and
    every statistic rounded as stored, so that a coarser period pools the
    same digits whether its finer rows were just computed or read back.
#}

{# Exact, order-independent sums: each value rounded to `scale` decimals and
   summed as an integer (the float sums of a parallel engine change in the
   last bits from run to run and between engines, and rounding the total
   afterwards cannot make those bits agree). Scale 9 for hours and means,
   6 for kW and kWh. A 38-digit decimal, not a bigint: a national month or
   quarter summed in nano-units passes 2^63. #}
{% macro usage_nanos(expression, scale=9) -%}
    cast(floor({{ expression }} * {{ 10 ** scale }} + 0.5) as decimal(38, 0))
{%- endmacro %}

{% macro usage_exact_sum(expression, scale=9) -%}
    (cast(sum({{ usage_nanos(expression, scale) }}) as double precision) / {{ 10 ** scale }}.0)
{%- endmacro %}

{# Hours from seconds, summed exactly as integer milliseconds (the state
   times of the usage indicators). #}
{% macro usage_exact_hours(seconds) -%}
    (cast(sum(cast(floor(({{ seconds }}) * 1000 + 0.5) as bigint)) as double precision) / 3600000.0)
{%- endmacro %}

{% macro usage_rollup(input, period_code, trunc_unit, input_filter='1 = 1') -%}
    {%- set keys = 'indicator_code, level, level_name, target, category' -%}
    select
        pooled.indicator_code,
        pooled.level,
        pooled.level_name,
        pooled.target,
        pooled.category,
        '{{ period_code }}' as period,
        pooled.rollup_start as period_start,
        sum(pooled.size) as size,
        max(pooled.group_mean) as mean_value,
        {{ wattlas_round_sum(
            'greatest(sum(pooled.size * (pooled.variance + (pooled.mean_value - pooled.group_mean)'
            ~ ' * (pooled.mean_value - pooled.group_mean))) / sum(pooled.size), 0)', 6) }}
            as variance,
        min(pooled.min_value) as min_value,
        max(pooled.max_value) as max_value,
        max(case when pooled.recency = 1 then pooled.last_value end) as last_value,
        {{ usage_exact_sum('pooled.sum_value') }} as sum_value,
        {{ usage_exact_sum('pooled.numerator') }} as numerator,
        {{ usage_exact_sum('pooled.denominator') }} as denominator
    from (
        select
            truncated.*,
            cast(sum({{ usage_nanos('truncated.size * truncated.mean_value') }}) over (
                partition by {{ keys }}, truncated.rollup_start
            ) as double precision) / 1000000000.0 / sum(truncated.size) over (
                partition by {{ keys }}, truncated.rollup_start
            ) as group_mean,
            row_number() over (
                partition by {{ keys }}, truncated.rollup_start
                order by truncated.period_start desc
            ) as recency
        from (
            select
                {{ input }}.*,
                cast(date_trunc('{{ trunc_unit }}', {{ input }}.period_start) as date)
                    as rollup_start
            from {{ input }}
            where {{ input_filter }}
        ) as truncated
    ) as pooled
    group by
        pooled.indicator_code,
        pooled.level,
        pooled.level_name,
        pooled.target,
        pooled.category,
        pooled.rollup_start
{%- endmacro %}


{% macro usage_rollup_rounded(input) -%}
    select
        {{ input }}.indicator_code,
        {{ input }}.level,
        {{ input }}.level_name,
        {{ input }}.target,
        {{ input }}.category,
        {{ input }}.period,
        {{ input }}.period_start,
        {{ wattlas_round_sum(
            'case when ' ~ input ~ '.denominator is not null'
            ~ ' then ' ~ input ~ '.numerator / nullif(' ~ input ~ '.denominator, 0)'
            ~ ' else ' ~ input ~ '.mean_value end', 9) }} as value,
        cast({{ input }}.size as bigint) as size,
        {{ wattlas_round_sum(input ~ '.mean_value', 9) }} as mean_value,
        {{ input }}.min_value,
        {{ input }}.max_value,
        {{ input }}.last_value,
        {{ wattlas_round_sum(input ~ '.sum_value', 9) }} as sum_value,
        {{ wattlas_round_significant(input ~ '.variance') }} as variance,
        {{ wattlas_round_significant('sqrt(' ~ input ~ '.variance)') }} as std_dev,
        {{ wattlas_round_sum(input ~ '.numerator', 9) }} as numerator,
        {{ wattlas_round_sum(input ~ '.denominator', 9) }} as denominator
    from {{ input }}
{%- endmacro %}


{#- usage_rollup_zero_padded(input, trunc_unit)  a SELECT of the rows of
    `input` (finer periods: days, months or quarters, with the columns
    usage_rollup reads) plus, for every (indicator, level, target, category)
    of a non-ratio indicator that has a row within a coarser period (week,
    month, quarter or year), a zero row for each finer period of it where
    the indicator has a national row but that key has none, as large
    (size) as the national one: a target without data counts 0, so a
    period's mean is over all its days with data and the targets of a
    level add up to the national mean. Ratios (with a denominator) are
    pooled as Σ numerator / Σ denominator and need no padding. -#}
{% macro usage_rollup_zero_padded(input, trunc_unit) -%}
    select
        {{ input }}.indicator_code,
        {{ input }}.level,
        {{ input }}.level_name,
        {{ input }}.target,
        {{ input }}.category,
        {{ input }}.period_start,
        {{ input }}.size,
        {{ input }}.mean_value,
        {{ input }}.variance,
        {{ input }}.min_value,
        {{ input }}.max_value,
        {{ input }}.last_value,
        {{ input }}.sum_value,
        {{ input }}.numerator,
        {{ input }}.denominator
    from {{ input }}
    union all
    {# the finer periods each key should have, and those it has: a key
       whose finer period only comes from the national grid gets a zero row
       (an anti-join by aggregation, which no engine turns quadratic) #}
    select
        padding.indicator_code,
        padding.level,
        padding.level_name,
        padding.target,
        padding.category,
        padding.period_start,
        max(padding.size) as size,
        cast(0 as double precision) as mean_value,
        cast(0 as double precision) as variance,
        cast(0 as double precision) as min_value,
        cast(0 as double precision) as max_value,
        cast(0 as double precision) as last_value,
        cast(0 as double precision) as sum_value,
        cast(null as double precision) as numerator,
        cast(null as double precision) as denominator
    from (
        select
            period_keys.indicator_code,
            period_keys.level,
            period_keys.level_name,
            period_keys.target,
            period_keys.category,
            national_periods.period_start,
            national_periods.size,
            0 as has_row
        from (
            select distinct
                keyed.indicator_code,
                keyed.level,
                keyed.level_name,
                keyed.target,
                keyed.category,
                cast(date_trunc('{{ trunc_unit }}', keyed.period_start) as date) as rollup_start
            from {{ input }} as keyed
            where keyed.denominator is null
        ) as period_keys
        inner join (
            select
                national.indicator_code,
                national.period_start,
                max(national.size) as size
            from {{ input }} as national
            where national.level = 0
            group by national.indicator_code, national.period_start
        ) as national_periods
            on
                period_keys.indicator_code = national_periods.indicator_code
                and period_keys.rollup_start
                = cast(date_trunc('{{ trunc_unit }}', national_periods.period_start) as date)

        union all

        select
            present.indicator_code,
            present.level,
            present.level_name,
            present.target,
            present.category,
            present.period_start,
            present.size,
            1 as has_row
        from {{ input }} as present
        where present.denominator is null
    ) as padding
    group by
        padding.indicator_code,
        padding.level,
        padding.level_name,
        padding.target,
        padding.category,
        padding.period_start
    having max(padding.has_row) = 0
{%- endmacro %}
