{#
    One row per loaded static file (delivery), dated and ordered. The
    delivery date comes from the file name (`<name>_<YYYY-MM-DD>.<ext>`,
    the fetcher's convention), else from the latest date_maj of the file,
    never from the load time: the order of the history is the order of the
    delivery dates, whatever order the files were loaded in.
#}

with

deliveries as (

    select * from {{ ref('int_charge_point_deliveries_typed') }}

),

files_summarized as (

    select
        deliveries.source_dataset,
        deliveries.source_file,
        max(deliveries.updated_date) as max_updated_date,
        max(deliveries.loaded_at) as loaded_at,
        count(*) as charge_point_count
    from deliveries
    group by 1, 2

),

files_dated as (

    select
        files_summarized.*,
        {{ history_file_name_date('files_summarized.source_file') }} as file_name_date
    from files_summarized

),

files_ranked as (

    {# Two files of one source with the same delivery date: the one dated
       by its name, then the last file name wins (never the load order). #}
    select
        files_dated.source_dataset,
        files_dated.source_file,
        coalesce(files_dated.file_name_date, files_dated.max_updated_date) as delivery_date,
        case
            when files_dated.file_name_date is not null then 'file_name'
            else 'max_updated_date'
        end as delivery_date_basis,
        files_dated.max_updated_date,
        cast(files_dated.charge_point_count as integer) as charge_point_count,
        files_dated.loaded_at,
        row_number() over (
            partition by
                files_dated.source_dataset,
                coalesce(files_dated.file_name_date, files_dated.max_updated_date)
            order by
                case when files_dated.file_name_date is not null then 0 else 1 end,
                files_dated.source_file desc
        ) as rn_same_date
    from files_dated

),

ordered as (

    select
        ----------  ids
        files_ranked.source_dataset,
        files_ranked.source_file,

        ----------  strings
        files_ranked.delivery_date_basis,

        ----------  numerics
        files_ranked.charge_point_count,
        case
            when files_ranked.rn_same_date = 1
                then cast(row_number() over (
                    partition by files_ranked.source_dataset, files_ranked.rn_same_date
                    order by files_ranked.delivery_date
                ) as integer)
        end as delivery_seq,

        ----------  booleans
        files_ranked.rn_same_date > 1 as is_superseded,

        ----------  dates
        files_ranked.delivery_date,
        files_ranked.max_updated_date,

        ----------  timestamps
        files_ranked.loaded_at
    from files_ranked
    where files_ranked.delivery_date is not null

)

select * from ordered
