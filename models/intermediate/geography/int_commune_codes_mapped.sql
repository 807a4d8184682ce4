{#
    Every commune code a fact may carry, mapped to the COG 2026 commune it
    belongs to: one row per code.
    - A commune-actuelle maps to itself (resolved_by = 'current').
    - A municipal arrondissement maps to its parent (Paris 75056, Lyon
      69123, Marseille 13055; resolved_by = 'arrondissement').
    - A former code (a commune merged into, or associated with, another one;
      seed former_commune_codes) maps to the commune that absorbed it
      (resolved_by = 'former_code'), so points published with a pre-merger
      code are still located. A current code always wins over a former code
      equal to it. When a former code has several current communes, the
      commune that a still-existing commune déléguée or associée names as its
      chef-lieu wins (the COG's present attachment; the other links are
      earlier history); if several remain (a split commune), the code is
      left unresolved rather than guessed, and its facts stay unlocated.
#}

with

communes as (

    select
        geo_code,
        geo_name,
        geo_type,
        parent_commune_code,
        department_code,
        is_municipal_arrondissement
    from {{ ref('stg_cog__communes') }}

),

former_codes as (

    select * from {{ ref('former_commune_codes') }}

),

current_mapped as (

    select
        communes.geo_code,
        communes.geo_name,
        case
            when communes.is_municipal_arrondissement then 'municipal_arrondissement'
            else 'commune'
        end as geo_type,
        case
            when communes.is_municipal_arrondissement then communes.parent_commune_code
            else communes.geo_code
        end as commune_code,
        communes.department_code,
        communes.is_municipal_arrondissement,
        case
            when communes.is_municipal_arrondissement then 'arrondissement'
            else 'current'
        end as resolved_by
    from communes

),

former_candidates as (

    select
        former_codes.former_commune_code,
        former_codes.former_commune_name,
        former_codes.commune_code,
        targets.department_code,
        case when former_codes.is_entity_chef_lieu then 1 else 2 end as link_rank
    from former_codes
    inner join communes as targets
        on
            former_codes.commune_code = targets.geo_code
            and not targets.is_municipal_arrondissement
    left join communes as current_codes
        on former_codes.former_commune_code = current_codes.geo_code
    where current_codes.geo_code is null

),

former_best_links as (

    select
        former_commune_code,
        min(link_rank) as link_rank
    from former_candidates
    group by former_commune_code

),

former_resolved as (

    select
        former_candidates.former_commune_code,
        max(former_candidates.former_commune_name) as former_commune_name,
        max(former_candidates.commune_code) as commune_code,
        max(former_candidates.department_code) as department_code
    from former_candidates
    inner join former_best_links
        on
            former_candidates.former_commune_code = former_best_links.former_commune_code
            and former_candidates.link_rank = former_best_links.link_rank
    group by former_candidates.former_commune_code
    having count(*) = 1

),

final as (

    select
        geo_code,
        geo_name,
        geo_type,
        commune_code,
        department_code,
        is_municipal_arrondissement,
        resolved_by
    from current_mapped

    union all

    select
        former_commune_code as geo_code,
        former_commune_name as geo_name,
        'former_commune' as geo_type,
        commune_code,
        department_code,
        false as is_municipal_arrondissement,
        'former_code' as resolved_by
    from former_resolved

)

select * from final
