{#
    The files whose rows are in the raw tables, with when they were last
    loaded: a model that keeps rows per file learns here that a file was
    loaded again, even when the new version leaves it nothing to keep.
#}

with

loads as (

    select * from {{ source('loader', 'loads') }}

),

loaded as (

    select
        ----------  ids
        cast(loads.raw_table as text) as raw_table,
        cast(loads.source_file as text) as source_file,

        ----------  timestamps
        cast(loads.loaded_at as timestamp) as loaded_at
    from loads
    where loads.status = 'loaded'

)

select * from loaded
