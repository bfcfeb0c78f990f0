from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "hoptac.jobs"
    verbose_name = _("Công việc")

    def ready(self) -> None:
        from hoptac.jobs import tasks  # noqa: F401 - connects the task_finished handler
