"""Search backend: Wagtail's database backend, with one PostgreSQL text-search configuration
per language on PostgreSQL.

Each object is indexed with the configuration of its own locale (French pages stemmed in
French, Dutch ones in Dutch) and queries use the visitor's language. The configurations
``maison_fr``, ``maison_nl`` and ``maison_en`` (migration ``search.0001``) strip accents
before stemming, so "mediation" finds "médiation" and plurals find singulars. On SQLite the
stock backend (FTS5) is used unchanged.
"""

from django.db import connection
from django.utils.translation import get_language
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

LANGUAGE_CONFIGS = {"fr": "maison_fr", "nl": "maison_nl", "en": "maison_en"}
DEFAULT_CONFIG = LANGUAGE_CONFIGS["fr"]


def config_for_language(language_code: str | None) -> str:
    return LANGUAGE_CONFIGS.get((language_code or "fr")[:2], DEFAULT_CONFIG)


def _postgres_backend_class():
    from modelsearch.backends.database.postgres.postgres import (
        PostgresAutocompleteQueryCompiler,
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )
    from wagtail.models import Locale

    class LocaleIndex(PostgresIndex):
        def add_items(self, model, objs):
            codes = dict(Locale.objects.values_list("pk", "language_code"))
            groups: dict[str, list] = {}
            for obj in objs:
                code = codes.get(getattr(obj, "locale_id", None))
                groups.setdefault(config_for_language(code), []).append(obj)
            default = self.backend.config
            try:
                for config, group in groups.items():
                    # ObjectIndexer reads the configuration from the backend.
                    self.backend.config = config
                    super().add_items(model, group)
            finally:
                self.backend.config = default

    class LanguageQueryCompiler(PostgresSearchQueryCompiler):
        def get_config(self, backend):
            return config_for_language(get_language())

    class MultilingualPostgresSearchBackend(PostgresSearchBackend):
        index_class = LocaleIndex
        query_compiler_class = LanguageQueryCompiler
        autocomplete_query_compiler_class = PostgresAutocompleteQueryCompiler

    return MultilingualPostgresSearchBackend


def SearchBackend(params):
    if connection.vendor == "postgresql":
        params = {**params, "SEARCH_CONFIG": DEFAULT_CONFIG}
        return _postgres_backend_class()(params)
    return DatabaseSearchBackend(params)
