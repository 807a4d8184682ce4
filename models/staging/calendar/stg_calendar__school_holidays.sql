{#
    Dedup rule (see _calendar__models.yml):
    1. Teachers' rows (population starting with "Enseignants") are dropped:
       the pupils' calendar is the reference. They only differ by an earlier
       end of the summer holidays (teachers' pre-rentrée).
    2. The file repeats each period once per académie (location) and for
       "-" / "Élèves": rows are collapsed to one per zone x holiday name x
       start date x end date; the académies and populations are counted and
       listed.
    start_date / end_date are the UTC instants of local (Europe/Paris)
    midnight: 2017-10-20T22:00:00+00:00 is Saturday 21 October 2017, 00:00.
    end_date is the day classes resume, so the holiday days are
    [start_date, end_date). A row with start = end ("Début des Vacances
    d'Été") only announces the start of a period whose end is not published.
#}

with

source as (

    select * from {{ source('education', 'calendrier_scolaire') }}

),

renamed as (

    select

        ----------  ids
        case zones
            when 'Zone A' then 'zone_a'
            when 'Zone B' then 'zone_b'
            when 'Zone C' then 'zone_c'
            when 'Corse' then 'corse'
            when 'Guadeloupe' then 'guadeloupe'
            when 'Guyane' then 'guyane'
            when 'Martinique' then 'martinique'
            when 'Mayotte' then 'mayotte'
            when 'Réunion' then 'reunion'
            when 'Nouvelle Calédonie' then 'nouvelle_caledonie'
            when 'Polynésie' then 'polynesie'
            when 'Saint Pierre et Miquelon' then 'saint_pierre_et_miquelon'
            when 'Wallis et Futuna' then 'wallis_et_futuna'
        end as zone_code,
        annee_scolaire as school_year,

        ----------  strings
        zones as zone_name,
        location as academy_name,
        population,
        description as holiday_name,

        ----------  booleans
        population like 'Enseignants%' as is_teachers_calendar,

        ----------  timestamps
        {{ iso_text_to_utc('start_date') }} as start_at,
        {{ iso_text_to_utc('end_date') }} as end_at

    from source

),

pupils_rows as (

    select
        renamed.*,
        {{ utc_to_local_date('renamed.start_at') }} as start_date,
        {{ utc_to_local_date('renamed.end_at') }} as end_date
    from renamed
    where not renamed.is_teachers_calendar

),

deduplicated as (

    select
        pupils_rows.zone_code,
        pupils_rows.holiday_name,
        pupils_rows.start_date,
        pupils_rows.end_date,
        min(pupils_rows.zone_name) as zone_name,
        min(pupils_rows.school_year) as school_year,
        string_agg(
            distinct pupils_rows.population, ', ' order by pupils_rows.population
        ) as populations,
        count(distinct pupils_rows.academy_name) as academy_count,
        count(*) as source_row_count,
        min(pupils_rows.start_at) as start_at,
        min(pupils_rows.end_at) as end_at
    from pupils_rows
    group by 1, 2, 3, 4

),

final as (

    select

        ----------  ids
        deduplicated.zone_code,
        deduplicated.school_year,

        ----------  strings
        deduplicated.zone_name,
        deduplicated.holiday_name,
        deduplicated.populations,

        ----------  numerics
        cast(deduplicated.academy_count as integer) as academy_count,
        cast(deduplicated.source_row_count as integer) as source_row_count,

        ----------  booleans
        deduplicated.start_date = deduplicated.end_date as is_end_unknown,

        ----------  dates
        deduplicated.start_date,
        case
            when deduplicated.start_date < deduplicated.end_date
                then deduplicated.end_date
        end as end_date,

        ----------  timestamps
        deduplicated.start_at,
        case
            when deduplicated.start_at < deduplicated.end_at
                then deduplicated.end_at
        end as end_at

    from deduplicated

)

select * from final
