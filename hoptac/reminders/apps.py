from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemindersConfig(AppConfig):
    name = "hoptac.reminders"
    verbose_name = _("Đôn đốc, nhắc việc")
