from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "hoptac.web"
    verbose_name = _("Giao diện")

    def ready(self) -> None:
        # The search index is derived data, owned by this app, and every service of the other
        # apps saves records through lib.services: a post_save hook keeps the index current
        # without each of those services having to know about search. Business side effects
        # stay in services; this one is only a cache of the records' text.
        from hoptac.web import search

        for model in search.indexed_models():
            post_save.connect(_reindex, sender=model, dispatch_uid=f"search-{model._meta.label}")
        post_migrate.connect(_index_current, sender=self, dispatch_uid="search-localities")


def _reindex(sender, instance, raw=False, **kwargs) -> None:
    if raw:  # loaddata: the rows may not be complete yet; `hoptac search_reindex` catches up
        return
    from hoptac.web.search import search_index_update

    search_index_update(instance)


def _index_current(sender, using="default", **kwargs) -> None:
    from hoptac.web.search import ensure_index_current

    ensure_index_current()
