{#
    Type-2 versions (gaps and islands) of an entity from its states on the
    ordered snapshot dates.

    - history_type2_ctes(source, key, tracked_columns)
          CTEs history_marked, history_numbered, history_bounded and
          history_versioned (to be preceded by a CTE named `source` with
          the columns key, snapshot_seq, snapshot_date, next_snapshot_date
          and the tracked columns). A version starts on the first snapshot
          of the entity, when a tracked column changes (NULL-safe), or when
          the entity comes back after missing from a snapshot (removed,
          then re-added). history_versioned holds the first row of each
          version plus:
            version_number  1, 2, ... per key
            valid_from      snapshot date the version first appears
            valid_to        next snapshot date after its last appearance
                            (exclusive), NULL while in force
            change_type     'added', 'changed' or 're-added'
            end_reason      'changed', 'removed' or NULL (current)
#}

{% macro history_type2_ctes(source, key, tracked_columns) -%}
history_marked as (

    select
        {{ source }}.*,
        case
            when {{ history_is_changed(source, tracked_columns,
                source ~ '.' ~ key, source ~ '.snapshot_seq') }}
                then 1
            when lag({{ source }}.snapshot_seq) over (
                partition by {{ source }}.{{ key }} order by {{ source }}.snapshot_seq
            ) <> {{ source }}.snapshot_seq - 1
                then 1
            else 0
        end as is_version_start
    from {{ source }}

),

history_numbered as (

    select
        history_marked.*,
        cast(sum(history_marked.is_version_start) over (
            partition by history_marked.{{ key }}
            order by history_marked.snapshot_seq
            rows between unbounded preceding and current row
        ) as integer) as version_number
    from history_marked

),

history_bounded as (

    select
        history_numbered.{{ key }},
        history_numbered.version_number,
        min(history_numbered.snapshot_seq) as first_seq,
        max(history_numbered.snapshot_seq) as last_seq
    from history_numbered
    group by 1, 2

),

history_sequenced as (

    select
        history_bounded.*,
        lag(history_bounded.last_seq) over (
            partition by history_bounded.{{ key }} order by history_bounded.version_number
        ) as previous_last_seq,
        lead(history_bounded.first_seq) over (
            partition by history_bounded.{{ key }} order by history_bounded.version_number
        ) as next_first_seq
    from history_bounded

),

history_versioned as (

    select
        first_rows.*,
        first_rows.snapshot_date as valid_from,
        last_rows.next_snapshot_date as valid_to,
        case
            when history_sequenced.previous_last_seq is null then 'added'
            when history_sequenced.previous_last_seq = history_sequenced.first_seq - 1
                then 'changed'
            else 're-added'
        end as change_type,
        case
            when last_rows.next_snapshot_date is null then null
            when history_sequenced.next_first_seq = history_sequenced.last_seq + 1
                then 'changed'
            else 'removed'
        end as end_reason
    from history_sequenced
    inner join history_numbered as first_rows
        on
            history_sequenced.{{ key }} = first_rows.{{ key }}
            and history_sequenced.first_seq = first_rows.snapshot_seq
    inner join history_numbered as last_rows
        on
            history_sequenced.{{ key }} = last_rows.{{ key }}
            and history_sequenced.last_seq = last_rows.snapshot_seq

)
{%- endmacro %}
