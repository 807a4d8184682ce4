"""Dev tool: create the Wattlas dashboard on a running Superset through its REST API,
then export it as the bundle in superset/bundle/ (what `make superset-check` imports).

    python superset/provision.py --url http://127.0.0.1:8088 --sqlalchemy-uri postgresql+psycopg2://...

Only needed to change the charts; the committed bundle is the source of truth.
"""

from __future__ import annotations

import argparse
import io
import json
import zipfile
from pathlib import Path

import requests

BUNDLE = Path(__file__).resolve().parent / "bundle"

DATASETS = {
    "charge_points_by_department": """
select
    'FR-' || department_code as iso_code,
    department_code,
    department_name,
    charge_point_count,
    charge_points_per_100k_inhabitants
from marts.fct_infrastructure_by_department
where not is_unlocated
""",
    "consumption_daily": """
select region_code, region_name, measured_date, energy_mwh, mean_temperature_c
from marts.fct_consumption_daily
""",
    "thermosensitivity": """
select region_code, region_name, period_type, period_label, day_scope,
       slope_mw_per_c, slope_mwh_per_day_per_c, r_squared, day_count
from marts.fct_thermosensitivity
""",
}


def metric(column: str, label: str, aggregate: str = "SUM") -> dict:
    return {
        "expressionType": "SIMPLE",
        "column": {"column_name": column},
        "aggregate": aggregate,
        "label": label,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:8088")
    parser.add_argument("--sqlalchemy-uri", required=True)
    parser.add_argument("--user", default="admin")
    parser.add_argument("--password", default="admin")
    args = parser.parse_args()
    s = requests.Session()
    token = s.post(
        f"{args.url}/api/v1/security/login",
        json={"username": args.user, "password": args.password, "provider": "db"},
    ).json()["access_token"]
    s.headers["Authorization"] = f"Bearer {token}"

    def post(path: str, body: dict) -> int:
        answer = s.post(f"{args.url}/api/v1/{path}/", json=body)
        assert answer.status_code in (200, 201), (path, answer.status_code, answer.text)
        return answer.json()["id"]

    database = post(
        "database",
        {
            "database_name": "Wattlas marts",
            "sqlalchemy_uri": args.sqlalchemy_uri,
            "expose_in_sqllab": True,
        },
    )
    datasets = {
        name: post(
            "dataset",
            {"database": database, "schema": "marts", "table_name": name, "sql": sql.strip()},
        )
        for name, sql in DATASETS.items()
    }
    for dataset_id in datasets.values():
        s.put(f"{args.url}/api/v1/dataset/{dataset_id}/refresh")

    charts = []
    charts.append(
        post(
            "chart",
            {
                "slice_name": "Charge points per 100k inhabitants by department",
                "viz_type": "country_map",
                "datasource_id": datasets["charge_points_by_department"],
                "datasource_type": "table",
                "params": json.dumps(
                    {
                        "viz_type": "country_map",
                        "select_country": "france",
                        "entity": "iso_code",
                        "metric": metric(
                            "charge_points_per_100k_inhabitants", "per 100k inhabitants", "MAX"
                        ),
                        "linear_color_scheme": "blue_white_yellow",
                        "number_format": ".1f",
                        "adhoc_filters": [],
                        "row_limit": 200,
                    }
                ),
            },
        )
    )
    charts.append(
        post(
            "chart",
            {
                "slice_name": "Daily electricity consumption by region (MWh)",
                "viz_type": "echarts_timeseries_line",
                "datasource_id": datasets["consumption_daily"],
                "datasource_type": "table",
                "params": json.dumps(
                    {
                        "viz_type": "echarts_timeseries_line",
                        "x_axis": "measured_date",
                        "time_grain_sqla": "P1D",
                        "metrics": [metric("energy_mwh", "energy (MWh)")],
                        "groupby": ["region_name"],
                        "adhoc_filters": [],
                        "row_limit": 10000,
                        "show_legend": True,
                    }
                ),
            },
        )
    )
    charts.append(
        post(
            "chart",
            {
                "slice_name": "Thermosensitivity by region (MW per °C, heating days)",
                "viz_type": "table",
                "datasource_id": datasets["thermosensitivity"],
                "datasource_type": "table",
                "params": json.dumps(
                    {
                        "viz_type": "table",
                        "query_mode": "raw",
                        "all_columns": [
                            "region_name",
                            "period_type",
                            "period_label",
                            "day_scope",
                            "slope_mw_per_c",
                            "r_squared",
                            "day_count",
                        ],
                        "adhoc_filters": [],
                        "row_limit": 1000,
                        "order_desc": True,
                    }
                ),
            },
        )
    )
    chart_meta = [s.get(f"{args.url}/api/v1/chart/{c}").json()["result"] for c in charts]
    position = {
        "DASHBOARD_VERSION_KEY": "v2",
        "ROOT_ID": {"type": "ROOT", "id": "ROOT_ID", "children": ["GRID_ID"]},
        "GRID_ID": {
            "type": "GRID",
            "id": "GRID_ID",
            "children": ["ROW-1", "ROW-2"],
            "parents": ["ROOT_ID"],
        },
        "HEADER_ID": {"id": "HEADER_ID", "type": "HEADER", "meta": {"text": "Wattlas"}},
    }
    rows = {"ROW-1": charts[:2], "ROW-2": charts[2:]}
    for row, ids in rows.items():
        position[row] = {
            "type": "ROW",
            "id": row,
            "children": [f"CHART-{c}" for c in ids],
            "parents": ["ROOT_ID", "GRID_ID"],
            "meta": {"background": "BACKGROUND_TRANSPARENT"},
        }
        for c in ids:
            meta = next(m for m in chart_meta if m["id"] == c)
            position[f"CHART-{c}"] = {
                "type": "CHART",
                "id": f"CHART-{c}",
                "children": [],
                "parents": ["ROOT_ID", "GRID_ID", row],
                "meta": {
                    "chartId": c,
                    "width": 6 if row == "ROW-1" else 12,
                    "height": 60,
                    "sliceName": meta["slice_name"],
                    "uuid": meta.get("uuid"),
                },
            }
    dashboard = post(
        "dashboard",
        {
            "dashboard_title": "Wattlas",
            "slug": "wattlas",
            "published": True,
            "position_json": json.dumps(position),
            "json_metadata": json.dumps({}),
        },
    )
    for c in charts:
        s.put(f"{args.url}/api/v1/chart/{c}", json={"dashboards": [dashboard]})
    exported = s.get(f"{args.url}/api/v1/dashboard/export/", params={"q": f"!({dashboard})"})
    assert exported.status_code == 200, exported.text
    with zipfile.ZipFile(io.BytesIO(exported.content)) as archive:
        for name in archive.namelist():
            relative = Path(*Path(name).parts[1:])  # drop the export's top folder
            target = BUNDLE / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(archive.read(name))
    print(f"dashboard {dashboard} exported to {BUNDLE}")


if __name__ == "__main__":
    main()
