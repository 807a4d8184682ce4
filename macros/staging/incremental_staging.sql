{#
    Staging of dynamic data incremental by local day (statuses, sessions).

    - wattlas_delete_replaced_lines(typed_model)  post-hook of such a model:
      deletes its rows whose file was typed again since (a file loaded
      again replaces its lines). The run has already rebuilt every day the
      file's old or new lines were on; a day where nothing is left has no
      row in the run's batch, so delete+insert alone would keep the old
      lines there.
#}

{% macro wattlas_delete_replaced_lines(typed_model) -%}
    delete from {{ this }} as staged
    where exists (
        select 1
        from (
            select
                typed.feed,
                typed.source_file,
                max(typed.loaded_at) as loaded_at
            from {{ ref(typed_model) }} as typed
            group by typed.feed, typed.source_file
        ) as typed_files
        where
            typed_files.feed = staged.feed
            and typed_files.source_file = staged.source_file
            and typed_files.loaded_at > staged.loaded_at
    )
{%- endmacro %}

{#
    - wattlas_watermark(column)  the largest `column` already in the model
      being built ({{ this }}), 1900-01-01 when it is empty: where an
      incremental run starts reading.
    - wattlas_days_to_rebuild(typed_model, day_column, typed_day_column)
      CTEs new_files (the files typed since the previous run) and
      days_to_rebuild (their new lines' days, and the days their previous
      version has in this model).
#}

{% macro wattlas_watermark(column) -%}
    (
        select coalesce(max(this.{{ column }}), cast('1900-01-01' as timestamp)) as watermark
        from {{ this }} as this
    )
{%- endmacro %}

{% macro wattlas_days_to_rebuild(typed_model, day_column, typed_day_column) -%}
    new_files as (

        select distinct
            typed.feed,
            typed.source_file
        from {{ ref(typed_model) }} as typed
        where typed.loaded_at >= {{ wattlas_watermark('loaded_at') }}

    ),

    days_to_rebuild as (

        select typed.{{ typed_day_column }} as {{ day_column }}
        from {{ ref(typed_model) }} as typed
        inner join new_files
            on typed.feed = new_files.feed and typed.source_file = new_files.source_file
        union
        select this.{{ day_column }}
        from {{ this }} as this
        inner join new_files
            on this.feed = new_files.feed and this.source_file = new_files.source_file

    ),
{%- endmacro %}

{#
    - wattlas_delete_reloaded_files()  post-hook of a model incremental by
      file (columns dataset = raw table, source_file, loaded_at): deletes
      its rows of files loaded again since, which a run whose new version
      of the file gives no row would otherwise keep.
#}

{% macro wattlas_delete_reloaded_files() -%}
    delete from {{ this }} as kept
    where exists (
        select 1
        from {{ ref('stg_loader__loaded_files') }} as loaded_files
        where
            loaded_files.raw_table = kept.dataset
            and loaded_files.source_file = kept.source_file
            and loaded_files.loaded_at > kept.loaded_at
    )
{%- endmacro %}
