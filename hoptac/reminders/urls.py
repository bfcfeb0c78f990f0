from django.urls import path

from hoptac.reminders import views

app_name = "reminders"
urlpatterns = [
    path("", views.my_tasks, name="my_tasks"),
    path("language/", views.set_language, name="language"),
]
