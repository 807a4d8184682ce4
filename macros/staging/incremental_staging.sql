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
