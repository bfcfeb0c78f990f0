from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LocalitiesConfig(AppConfig):
    name = "hoptac.localities"
    verbose_name = _("Địa phương")
