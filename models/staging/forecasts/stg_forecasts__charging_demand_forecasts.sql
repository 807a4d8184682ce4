{{ config(meta={'domain': 'charging'}) }}

{#
    The raw table is written by orchestration.forecasts (charging.py) after
    the usage indicators are built. Until it has run once, the table does
    not exist: this view is then empty, with the same columns, and the
    forecast step rebuilds it.
#}

{#- sqlfluff's templater has no load_relation (noqa below): it lints the source branch -#}
{%- set landed = load_relation(source('forecasts', 'charging_demand_daily')) %} -- noqa: TMP

with

source as (

    {% if landed is not none -%}
        select * from {{ source('forecasts', 'charging_demand_daily') }}
    {%- else -%}
        select
            cast(null as {{ dbt.type_string() }}) as area_level,
            cast(null as {{ dbt.type_string() }}) as area_code,
            cast(null as {{ dbt.type_string() }}) as forecast_target,
            cast(null as {{ dbt.type_string() }}) as model_name,
            cast(null as {{ dbt.type_string() }}) as model_version,
            cast(null as {{ dbt.type_string() }}) as forecast_kind,
            cast(null as {{ dbt.type_string() }}) as horizon_days,
            cast(null as {{ dbt.type_string() }}) as forecast_value,
            cast(null as {{ dbt.type_string() }}) as origin_date,
            cast(null as {{ dbt.type_string() }}) as target_date,
            cast(null as timestamp) as _loaded_at
        where 1 = 0
    {%- endif %}

),

renamed as (

    select
        ----------  ids
        source.area_level,
        source.area_code,

        ----------  strings
        source.forecast_target,
        source.model_name,
        source.model_version,
        source.forecast_kind,

        ----------  numerics
        cast(source.horizon_days as integer) as horizon_days,
        cast(source.forecast_value as numeric(20, 3)) as forecast_value,

        ----------  dates
        cast(source.origin_date as date) as origin_date,
        cast(source.target_date as date) as target_date,

        ----------  timestamps
        source._loaded_at as loaded_at

    from source

)

select * from renamed
