{#
    Every static line of every static source (QualiCharge statique, the
    national consolidated file), typed once (irve_static_typed_columns),
    with the first check it fails (quarantine_*: the line cannot be typed)
    or the reason its typed values cannot be true (implausible_*). Read by
    the staging model, the delivery history and the quarantine listing, so
    all three apply the same checks.
#}

{%- set booleans = [
    'prise_type_ef', 'prise_type_2', 'prise_type_combo_ccs', 'prise_type_chademo',
    'prise_type_autre', 'gratuit', 'paiement_acte', 'paiement_cb', 'paiement_autre',
    'reservation', 'station_deux_roues', 'cable_t2_attache',
] -%}

with

qualicharge as (

    select * from {{ ref('base_qualicharge__charge_points') }}

),

consolidation as (

    select * from {{ ref('base_irve__charge_points') }}

),

unioned as (

    select * from qualicharge
    union all
    select * from consolidation

),

typed as (

    select
        {%- for field in irve_static_fields() %}
            unioned.{{ field }} as raw_{{ field }},
        {%- endfor %}
        {{ irve_static_typed_columns('unioned') }}
    from unioned

),

{#- The static schema writes numbers with a decimal point: a comma is a
    spreadsheet re-save whose meaning cannot be trusted. -#}
{%- set checks = [
    ['id_pdc_itinerance', "'empty key'", 'typed.charge_point_id is null',
     'typed.raw_id_pdc_itinerance'],
    ['puissance_nominale', "'empty value'",
     wattlas_is_missing('typed.raw_puissance_nominale'), 'typed.raw_puissance_nominale'],
    ['puissance_nominale', wattlas_number_problem('typed.raw_puissance_nominale',
     'double precision', decimal_comma=false),
     wattlas_number_problem('typed.raw_puissance_nominale', 'double precision',
     decimal_comma=false) ~ ' is not null', 'typed.raw_puissance_nominale'],
    ['nbre_pdc', wattlas_integer_problem('typed.raw_nbre_pdc', decimal_comma=false),
     wattlas_integer_problem('typed.raw_nbre_pdc', decimal_comma=false) ~ ' is not null',
     'typed.raw_nbre_pdc'],
    ['coordonneesXY', "'not coordinates'", 'not ' ~ wattlas_is_missing('typed.raw_coordonneesxy')
     ~ ' and (typed.longitude is null or typed.latitude is null)', 'typed.raw_coordonneesxy'],
    ['date_mise_en_service', wattlas_date_problem('typed.raw_date_mise_en_service'),
     wattlas_date_problem('typed.raw_date_mise_en_service') ~ ' is not null',
     'typed.raw_date_mise_en_service'],
    ['date_maj', wattlas_date_problem('typed.raw_date_maj'),
     wattlas_date_problem('typed.raw_date_maj') ~ ' is not null', 'typed.raw_date_maj'],
] -%}
{%- for field in booleans -%}
    {%- set raw = 'typed.raw_' ~ field -%}
    {%- do checks.append([field, "'not a boolean'", 'not ' ~ wattlas_is_missing(raw)
        ~ ' and ' ~ irve_parse_boolean(raw) ~ ' is null', raw]) -%}
{%- endfor %}

{# Materialized: read twice (the lines, their distinct coordinates), which
   DuckDB would otherwise parse twice; PostgreSQL does so by default. #}
checked as materialized (

    select
        typed.*,
        {{ wattlas_check_columns(checks, 'quarantine', quoted=false) }}
    from typed

),

{# Territory of the coordinates (macros/irve/territory.sql), once per
   distinct pair of the typed lines. #}

typed_coordinates as (

    select
        checked.longitude,
        checked.latitude
    from checked
    where checked.quarantine_reason is null

),

located as (

    {{ irve_coordinates_territory('typed_coordinates') }}

),

{# Typed values that cannot be true (checked on typed lines only): a
   date_maj after the load (one day of slack for the time zone) would make
   the line the "latest" version for ever; powers outside the bounds the
   national API accepts; coordinates in no French territory (typically
   swapped longitude and latitude, or a station abroad). #}
{%- set plausibility_checks = [
    ['date_maj', "'date_maj after the load date'",
     'checked.updated_date > cast(checked.loaded_at as date) + 1', 'checked.raw_date_maj'],
    ['puissance_nominale', "'power outside [" ~ var('quality_min_power_kw') ~ ', '
     ~ var('quality_max_power_kw') ~ ") kW'",
     'checked.power_kw < ' ~ var('quality_min_power_kw')
     ~ ' or checked.power_kw >= ' ~ var('quality_max_power_kw'),
     'checked.raw_puissance_nominale'],
    ['coordonneesXY', "'coordinates outside French territory'",
     'checked.longitude is not null and checked.latitude is not null'
     ~ ' and located.territory_code is null', 'checked.raw_coordonneesxy'],
] %}

judged as (

    select
        checked.*,
        {{ wattlas_check_columns(plausibility_checks, 'implausible', quoted=false,
            when='checked.quarantine_reason is null') }},
        located.territory_code as coordinates_territory
    from checked
    left join located
        on
            checked.longitude = located.longitude
            and checked.latitude = located.latitude

)

select * from judged
