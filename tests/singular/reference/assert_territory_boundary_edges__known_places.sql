{#
    The real outline (seed territory_boundary_edges, read by
    irve_coordinates_territory with the project's tolerance) puts known
    places on the right side: Paris, Ajaccio, Saint-Denis de La Réunion
    and Brest (a ragged coast) in their territory; Brussels, Geneva (a few
    km from the border), Barcelona and Jersey (20 km off the Cotentin)
    outside. Returns the places on the wrong side.
#}

with

places as (

    select
        known.place,
        known.expected_territory,
        cast(known.longitude as double precision) as longitude,
        cast(known.latitude as double precision) as latitude
    from (
        values
        ('Paris', 2.35, 48.86, 'metropole'),
        ('Ajaccio', 8.74, 41.93, 'corse'),
        ('Saint-Denis (La Réunion)', 55.45, -20.88, '974'),
        ('Brest', -4.49, 48.39, 'metropole'),
        ('Brussels', 4.35, 50.85, null),
        ('Geneva', 6.14, 46.20, null),
        ('Barcelona', 2.17, 41.39, null),
        ('Jersey', -2.13, 49.21, null)
    ) as known (place, longitude, latitude, expected_territory)

),

located as (

    {{ irve_coordinates_territory('places') }}

)

select
    places.place,
    places.expected_territory,
    located.territory_code as found_territory
from places
left join located
    on
        places.longitude = located.longitude
        and places.latitude = located.latitude
where
    coalesce(located.territory_code, 'none')
    <> coalesce(places.expected_territory, 'none')
