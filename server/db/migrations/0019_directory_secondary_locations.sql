-- Secondary practice locations of the directory's providers, from CMS's
-- pl_pfile (one row per extra address an NPI registered). Only providers
-- already in the directory are kept; removing a provider removes its
-- locations. National public data, like directory_providers.

create table directory_secondary_locations (
  npi text not null references directory_providers (npi) on delete cascade,
  -- the row's order among the NPI's rows in the file
  position integer not null check (position >= 1),
  line1 text not null,
  line2 text,
  city text not null,
  state text,
  postal_code text,
  country text,
  phone text,
  -- placed as the providers are: the ZIP's census centroid, else its ZIP3 area (approximate)
  latitude double precision,
  longitude double precision,
  location_approximate boolean not null,
  primary key (npi, position)
);

create index directory_secondary_locations_location on directory_secondary_locations (latitude, longitude);
