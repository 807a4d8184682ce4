"""The datasets Wattlas lands and loads, and how each file is written.

Each entry says who publishes the data, where to download it, how the file is
encoded, which raw table it loads into, and the columns the staging models
need (``required_columns``, normalized names). A landed file whose header lacks
one of those columns is refused before anything is written.

``format`` says how records are written: ``csv`` (a header line, then one
record per line), ``jsonl`` (one JSON object per line) or ``json_array`` (a
JSON array written one object per line between a ``[`` line and a ``]``
line); see ``parsing`` and ``json_parsing``. ``optional_columns`` are columns
the staging models read that a file may lack: the raw table always has them
(NULL when absent). Datasets with ``operator_feed`` set receive one feed
(statique, statuses or sessions) from many operators; the operators and their
file formats are declared in ``operators.py``.
"""

from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
SAMPLE_ROOT = REPO_ROOT / "data" / "sample"
LANDING_ROOT = REPO_ROOT / "data" / "landing"

ODRE_EXPORT = (
    "https://odre.opendatasoft.com/api/explore/v2.1/catalog/datasets/"
    "{dataset}/exports/csv?lang=fr&timezone=Europe%2FParis"
    "&use_labels=true&delimiter=%3B"
)
ECO2MIX_COLUMNS = (
    "code_insee_region", "region", "nature", "date", "heure", "date_heure",
    "consommation_mw", "thermique_mw", "nucleaire_mw", "eolien_mw",
    "solaire_mw", "hydraulique_mw", "pompage_mw", "bioenergies_mw",
    "ech_physiques_mw",
)  # fmt: skip


@dataclass(frozen=True)
class Dataset:
    """One published dataset and the raw table it lands in."""

    key: str  # registry key, also the landing folder: <source>/<dataset>
    source: str
    publisher: str
    dataset_id: str
    description: str
    url: str | None
    licence: str
    required_columns: tuple[str, ...]
    separator: str = ";"
    encoding: str = "utf-8"  # a UTF-8 BOM is always accepted and dropped
    date_formats: str = ""
    archive_member: str | None = None  # file to extract when url is a zip
    sample_files: tuple[str, ...] = field(default=())
    format: str = "csv"  # csv | jsonl | json_array
    optional_columns: tuple[str, ...] = field(default=())
    operator_feed: bool = False  # rows carry an _operator lineage column

    @property
    def declared_columns(self) -> tuple[str, ...]:
        """Columns the raw table always has: required, then optional."""
        return self.required_columns + tuple(
            name for name in self.optional_columns if name not in self.required_columns
        )

    @property
    def name(self) -> str:
        return self.key.split("/", 1)[1]

    @property
    def raw_table(self) -> str:
        """Raw table name, without the ``raw`` schema."""
        return f"{self.source}__{self.name}"

    @property
    def sample_dir(self) -> Path:
        return SAMPLE_ROOT / self.key

    @property
    def landing_dir(self) -> Path:
        return LANDING_ROOT / self.key


# Hand-aligned column lists read better than one name per line.
# fmt: off
_DATASETS = [
    Dataset(
        key="odre/eco2mix_regional_cons_def",
        source="odre",
        publisher="RTE via ODRE",
        dataset_id="eco2mix-regional-cons-def",
        description="éCO2mix regional consolidated and final data, half-hourly",
        url=ODRE_EXPORT.format(dataset="eco2mix-regional-cons-def"),
        licence="Licence Ouverte v2.0",
        required_columns=ECO2MIX_COLUMNS,
        date_formats="Date YYYY-MM-DD, Heure HH:MM, Date - Heure ISO-8601 "
        "with offset",
        sample_files=("eco2mix-regional-cons-def_hauts-de-france_2024.csv.gz",),
    ),
    Dataset(
        key="odre/eco2mix_regional_tr",
        source="odre",
        publisher="RTE via ODRE",
        dataset_id="eco2mix-regional-tr",
        description="éCO2mix regional real-time data, quarter-hourly, with "
        "exchange columns",
        url=ODRE_EXPORT.format(dataset="eco2mix-regional-tr"),
        licence="Licence Ouverte v2.0",
        required_columns=ECO2MIX_COLUMNS,
        date_formats="as eco2mix-regional-cons-def",
    ),
    Dataset(
        key="odre/consommation_quotidienne_brute",
        source="odre",
        publisher="RTE, NaTran and Teréga via ODRE",
        dataset_id="consommation-quotidienne-brute",
        description="National gross electricity and gas consumption, "
        "half-hourly",
        url=ODRE_EXPORT.format(dataset="consommation-quotidienne-brute"),
        licence="Licence Ouverte v2.0",
        required_columns=(
            "date_heure", "date", "heure",
            "consommation_brute_electricite_mw_rte", "statut_rte",
            "consommation_brute_gaz_totale_mw_pcs_0c",
        ),
        date_formats="Date - Heure ISO-8601 UTC; Date DD/MM/YYYY or "
        "YYYY-MM-DD",
        sample_files=("consommation-quotidienne-brute_2023-2024.csv.gz",),
    ),
    Dataset(
        key="odre/consommation_annuelle_brute_regionale",
        source="odre",
        publisher="RTE, NaTran and Teréga via ODRE",
        dataset_id="consommation-annuelle-brute-regionale",
        description="Annual gross electricity and gas consumption by region",
        url=ODRE_EXPORT.format(dataset="consommation-annuelle-brute-regionale"),
        licence="Licence Ouverte v2.0",
        required_columns=(
            "annee", "code_insee_region", "region",
            "consommation_brute_electricite_gwh_rte", "statut_rte",
            "consommation_brute_gaz_totale_gwh_pcs_0c",
            "consommation_brute_totale_gwh",
        ),
        date_formats="Année YYYY",
        sample_files=("consommation-annuelle-brute-regionale.csv.gz",),
    ),
    Dataset(
        key="odre/temperature_quotidienne_regionale",
        source="odre",
        publisher="ODRE",
        dataset_id="temperature-quotidienne-regionale",
        description="Daily minimum, maximum and mean temperature by region",
        url=ODRE_EXPORT.format(dataset="temperature-quotidienne-regionale"),
        licence="Licence Ouverte v2.0",
        required_columns=(
            "date", "code_insee_region", "region", "tmin_c", "tmax_c",
            "tmoy_c",
        ),
        date_formats="Date YYYY-MM-DD or DD/MM/YYYY",
        sample_files=("temperature-quotidienne-regionale.csv.gz",),
    ),
    Dataset(
        key="ore/conso_secteur_departement",
        source="ore",
        publisher="Agence ORE",
        dataset_id="conso-elec-gaz-annuelle-par-secteur-dactivite-agregee-departement",
        description="Annual electricity and gas consumption by department, "
        "sector and network operator",
        url=(
            "https://opendata.agenceore.fr/api/explore/v2.1/catalog/datasets/"
            "conso-elec-gaz-annuelle-par-secteur-dactivite-agregee-departement"
            "/exports/csv?lang=fr&use_labels=true&delimiter=%3B"
        ),
        licence="Licence Ouverte v2.0",
        required_columns=(
            "operateur", "annee", "filiere", "code_departement",
            "code_region", "consommation_agriculture_mwh",
            "nombre_de_points_agriculture", "consommation_industrie_mwh",
            "nombre_de_points_industrie", "consommation_tertiaire_mwh",
            "nombre_de_points_tertiaire", "consommation_residentiel_mwh",
            "nombre_de_points_residentiel", "consommation_secteur_inconnu_mwh",
            "nombre_de_points_secteur_inconnu", "consommation_totale_mwh",
        ),
        date_formats="Année YYYY",
        sample_files=(
            "conso-elec-gaz-annuelle-par-secteur-dactivite-agregee-departement"
            ".csv.gz",
        ),
    ),
    Dataset(
        key="insee/comparateur_communes",
        source="insee",
        publisher="INSEE",
        dataset_id="base-cc-comparateur (2521169), millésime 2021",
        description="Comparateur de territoires: population, dwellings and "
        "area by commune and municipal arrondissement",
        url="https://www.insee.fr/fr/statistiques/fichier/2521169/"
        "base_cc_comparateur_csv.zip",
        licence="Licence Ouverte v2.0",
        required_columns=(
            "codgeo", "p18_pop", "superf", "p18_men", "p18_log", "p18_rp",
            "p18_rsecocc", "p18_logvac",
        ),
        encoding="utf-8",
        archive_member="base_cc_comparateur.CSV",
        sample_files=("base_cc_comparateur.CSV.gz",),
    ),
    Dataset(
        key="insee/populations_legales_regions",
        source="insee",
        publisher="INSEE",
        dataset_id="populations légales, region table (millésime 2019)",
        description="Municipal and total legal population by region",
        url=None,
        licence="Licence Ouverte v2.0",
        required_columns=("codreg", "reg", "pmun", "ptot"),
        sample_files=("donnees_regions.csv.gz",),
    ),
    Dataset(
        key="cog/regions",
        source="cog",
        publisher="INSEE COG 2026 via Etalab @etalab/decoupage-administratif",
        dataset_id="decoupage-administratif 6.0.0 regions.json",
        description="Regions with population and approximate area",
        url=None,
        licence="Licence Ouverte v2.0",
        required_columns=("code", "name", "zone", "population",
                          "area_m2_approx", "chef_lieu"),
        separator=",",
        sample_files=("regions.csv.gz",),
    ),
    Dataset(
        key="cog/departments",
        source="cog",
        publisher="INSEE COG 2026 via Etalab @etalab/decoupage-administratif",
        dataset_id="decoupage-administratif 6.0.0 departements.json",
        description="Departments with region, population and approximate area",
        url=None,
        licence="Licence Ouverte v2.0",
        required_columns=("code", "name", "region_code", "zone", "population",
                          "area_m2_approx", "chef_lieu"),
        separator=",",
        sample_files=("departments.csv.gz",),
    ),
    Dataset(
        key="cog/epcis",
        source="cog",
        publisher="INSEE COG 2026 via Etalab @etalab/decoupage-administratif",
        dataset_id="decoupage-administratif 6.0.0 epci.json",
        description="EPCI à fiscalité propre with population and area",
        url=None,
        licence="Licence Ouverte v2.0",
        required_columns=("code", "name", "type", "population",
                          "n_communes", "area_m2_approx"),
        separator=",",
        sample_files=("epci.csv.gz",),
    ),
    Dataset(
        key="cog/communes",
        source="cog",
        publisher="INSEE COG 2026 via Etalab @etalab/decoupage-administratif",
        dataset_id="decoupage-administratif 6.0.0 communes.json",
        description="Communes and municipal arrondissements with department, "
        "region, EPCI, population and approximate area",
        url=None,
        licence="Licence Ouverte v2.0",
        required_columns=(
            "code", "name", "type", "parent_commune", "department_code",
            "region_code", "epci_code", "zone", "population", "area_m2_approx",
        ),
        separator=",",
        sample_files=("cities.csv.gz",),
    ),
    Dataset(
        key="education/calendrier_scolaire",
        source="education",
        publisher="Ministère de l'Éducation nationale",
        dataset_id="fr-en-calendrier-scolaire",
        description="School holiday periods by zone and académie",
        url="https://data.education.gouv.fr/api/explore/v2.1/catalog/"
        "datasets/fr-en-calendrier-scolaire/exports/csv?delimiter=%3B",
        licence="Licence Ouverte v2.0",
        required_columns=("description", "population", "start_date",
                          "end_date", "location", "zones",
                          "annee_scolaire"),
        date_formats="start_date, end_date ISO-8601 UTC timestamps",
        sample_files=("fr-en-calendrier-scolaire.csv.gz",),
    ),
    Dataset(
        key="education/vacances_scolaires_par_jour",
        source="education",
        publisher="vacances-scolaires-france 0.12.0 (Antoine Augusti), "
        "derived from the Éducation nationale calendar",
        dataset_id="vacances_scolaires_france/data/data.csv",
        description="One row per day with zone A/B/C holiday flags, "
        "1990-2028 (used before 2017, when the official file starts)",
        url=None,
        licence="MIT (package); data from Licence Ouverte sources",
        required_columns=("date", "vacances_zone_a", "vacances_zone_b",
                          "vacances_zone_c", "nom_vacances"),
        separator=",",
        date_formats="date YYYY-MM-DD; flags True/False",
        sample_files=("vacances_scolaires_france_data.csv.gz",),
    ),
    Dataset(
        key="etalab/jours_feries_metropole",
        source="etalab",
        publisher="Etalab",
        dataset_id="jours-feries-france (métropole)",
        description="Public holidays, metropolitan France, 2006-2031",
        url="https://etalab.github.io/jours-feries-france-data/csv/"
        "jours_feries_metropole.csv",
        licence="Licence Ouverte v2.0",
        required_columns=("date", "annee", "zone", "nom_jour_ferie"),
        separator=",",
        date_formats="date YYYY-MM-DD",
        sample_files=("jours_feries_metropole.csv.gz",),
    ),
    Dataset(
        key="etalab/jours_feries_alsace_moselle",
        source="etalab",
        publisher="Etalab",
        dataset_id="jours-feries-france (Alsace-Moselle)",
        description="Public holidays, Alsace-Moselle (adds Good Friday and "
        "26 December), 2006-2031",
        url="https://etalab.github.io/jours-feries-france-data/csv/"
        "jours_feries_alsace-moselle.csv",
        licence="Licence Ouverte v2.0",
        required_columns=("date", "annee", "zone", "nom_jour_ferie"),
        separator=",",
        date_formats="date YYYY-MM-DD",
        sample_files=("jours_feries_alsace-moselle.csv.gz",),
    ),
]

# --- EV charging (IRVE) ------------------------------------------------------
# Field names of the etalab "IRVE statique" schema (v2.3.x), normalized
# (coordonneesXY -> coordonneesxy). QualiCharge's flat Statique record uses
# the same names.
IRVE_STATIQUE_COLUMNS = (
    "nom_amenageur", "siren_amenageur", "contact_amenageur", "nom_operateur",
    "contact_operateur", "telephone_operateur", "nom_enseigne",
    "id_station_itinerance", "id_station_local", "nom_station",
    "implantation_station", "adresse_station", "code_insee_commune",
    "coordonneesxy", "nbre_pdc", "id_pdc_itinerance", "id_pdc_local",
    "puissance_nominale", "prise_type_ef", "prise_type_2",
    "prise_type_combo_ccs", "prise_type_chademo", "prise_type_autre",
    "gratuit", "paiement_acte", "paiement_cb", "paiement_autre",
    "tarification", "condition_acces", "reservation", "horaires",
    "accessibilite_pmr", "restriction_gabarit", "station_deux_roues",
    "raccordement", "num_pdl", "date_mise_en_service", "observations",
    "date_maj", "cable_t2_attache",
)
# Fields the etalab schema marks required (constraints.required = true).
IRVE_STATIQUE_REQUIRED = (
    "contact_operateur", "nom_enseigne", "id_station_itinerance",
    "nom_station", "implantation_station", "adresse_station",
    "coordonneesxy", "nbre_pdc", "id_pdc_itinerance", "puissance_nominale",
    "prise_type_ef", "prise_type_2", "prise_type_combo_ccs",
    "prise_type_chademo", "prise_type_autre", "paiement_acte",
    "condition_acces", "reservation", "horaires", "accessibilite_pmr",
    "restriction_gabarit", "station_deux_roues", "date_maj",
)
IRVE_STATUS_COLUMNS = ("id_pdc_itinerance", "etat_pdc", "occupation_pdc", "horodatage")
IRVE_CONNECTOR_STATUS_COLUMNS = (
    "etat_prise_type_2", "etat_prise_type_combo_ccs", "etat_prise_type_chademo",
    "etat_prise_type_ef",
)
SESSION_COLUMNS = ("id_pdc_itinerance", "start", "end", "energy")
QUALICHARGE_PUBLISHER = "MTES-MCT QualiCharge (github.com/MTES-MCT/qualicharge, data/)"

_DATASETS += [
    Dataset(
        key="qualicharge/statique",
        source="qualicharge",
        publisher=QUALICHARGE_PUBLISHER,
        dataset_id="data/irve-statique.json.gz",
        description="QualiCharge flat Statique records (IRVE statique fields), "
        "one JSON object per line and per charge point; values serialized as "
        "strings",
        url=None,
        licence="MIT (repository); data from Licence Ouverte IRVE sources",
        required_columns=("id_pdc_itinerance", "id_station_itinerance"),
        optional_columns=IRVE_STATIQUE_COLUMNS,
        format="jsonl",
        date_formats="date_maj, date_mise_en_service YYYY-MM-DD; coordonneesXY "
        "'[lon, lat]'",
        sample_files=("irve-statique.json.gz",),
    ),
    Dataset(
        key="qualicharge/sessions",
        source="qualicharge",
        publisher=QUALICHARGE_PUBLISHER,
        dataset_id="data/irve-dynamique-sessions.json.gz",
        description="QualiCharge charging sessions {energy, start, end, "
        "id_pdc_itinerance}, one JSON object per line",
        url=None,
        licence="MIT (repository)",
        required_columns=SESSION_COLUMNS,
        format="jsonl",
        date_formats="start, end epoch milliseconds (UTC) or ISO-8601 with "
        "offset; energy kWh",
        sample_files=("irve-dynamique-sessions.json.gz",),
    ),
    Dataset(
        key="qualicharge/statuses",
        source="qualicharge",
        publisher=QUALICHARGE_PUBLISHER,
        dataset_id="data/irve-dynamique-statuses.json.gz",
        description="QualiCharge charge point statuses (IRVE dynamique fields), "
        "one JSON object per line",
        url=None,
        licence="MIT (repository)",
        required_columns=IRVE_STATUS_COLUMNS,
        optional_columns=IRVE_CONNECTOR_STATUS_COLUMNS,
        format="jsonl",
        date_formats="horodatage ISO-8601 with offset",
    ),
    Dataset(
        key="irve/consolidation_statique",
        source="irve",
        publisher="Etalab / transport.data.gouv.fr",
        dataset_id="consolidation-etalab-schema-irve-statique-v-2.x.x",
        description="National consolidated static IRVE file (etalab schema "
        "irve-statique), one row per charge point and declaration",
        url=None,  # a 60-290 MB file whose address changes with each build
        licence="Licence Ouverte v2.0",
        required_columns=IRVE_STATIQUE_REQUIRED,
        optional_columns=IRVE_STATIQUE_COLUMNS,
        separator=",",
        date_formats="date_maj, date_mise_en_service YYYY-MM-DD; coordonneesXY "
        "'[lon, lat]'",
    ),
    Dataset(
        key="irve/consolidation_dynamique",
        source="irve",
        publisher="transport.data.gouv.fr",
        dataset_id="consolidation-nationale-irve-dynamique",
        description="National consolidation of real-time charge point statuses "
        "(etalab schema irve-dynamique), one snapshot",
        url=None,
        licence="Licence Ouverte v2.0",
        required_columns=IRVE_STATUS_COLUMNS,
        optional_columns=IRVE_CONNECTOR_STATUS_COLUMNS,
        separator=",",
        date_formats="horodatage ISO-8601 with offset, ' ' or 'T', optional "
        "fractional seconds",
        sample_files=("consolidation-nationale-irve-dynamique_snapshot_2026-08-14.csv.gz",),
    ),
    Dataset(
        key="irve/changements_statut",
        source="irve",
        publisher="Valentinafry/irve-collecte, from transport.data.gouv.fr",
        dataset_id="donnees/evenements (status changes between snapshots)",
        description="Charge point status changes detected between successive "
        "national snapshots (about every 10 minutes)",
        url=None,
        licence="Licence Ouverte v2.0 (data, transport.data.gouv.fr)",
        required_columns=(*IRVE_STATUS_COLUMNS, "horodatage_collecte"),
        separator=",",
        date_formats="horodatage as the snapshot; horodatage_collecte "
        "ISO-8601 UTC",
        sample_files=("irve-dynamique-changements-statut_2026-08-14.csv.gz",),
    ),
    Dataset(
        key="operators/statique",
        source="operators",
        publisher="charge point operators (see operators.py)",
        dataset_id="per-operator static feed",
        description="Static charge point declarations sent by operators, all "
        "operators in one table (_operator)",
        url=None,
        licence="per operator",
        required_columns=("id_pdc_itinerance",),
        optional_columns=IRVE_STATIQUE_COLUMNS,
        format="jsonl",  # the operator feed declares the real format
        operator_feed=True,
    ),
    Dataset(
        key="operators/statuses",
        source="operators",
        publisher="charge point operators (see operators.py)",
        dataset_id="per-operator status feed",
        description="Charge point statuses sent by operators, all operators in "
        "one table (_operator)",
        url=None,
        licence="per operator",
        required_columns=IRVE_STATUS_COLUMNS,
        optional_columns=IRVE_CONNECTOR_STATUS_COLUMNS,
        format="jsonl",
        operator_feed=True,
    ),
    Dataset(
        key="operators/sessions",
        source="operators",
        publisher="charge point operators (see operators.py)",
        dataset_id="per-operator session feed",
        description="Charging sessions sent by operators, all operators in one "
        "table (_operator)",
        url=None,
        licence="per operator",
        required_columns=SESSION_COLUMNS,
        format="jsonl",
        operator_feed=True,
    ),
]
# fmt: on

DATASETS: dict[str, Dataset] = {dataset.key: dataset for dataset in _DATASETS}


class UnknownDatasetError(KeyError):
    """Raised for a dataset key that is not in the registry."""

    def __str__(self) -> str:
        known = ", ".join(sorted(DATASETS))
        return f"unknown dataset {self.args[0]!r}; known datasets: {known}"


def get_dataset(key: str) -> Dataset:
    """Look a dataset up by ``<source>/<dataset>`` key."""
    try:
        return DATASETS[key]
    except KeyError:
        raise UnknownDatasetError(key) from None
