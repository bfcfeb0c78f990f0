"""The JSON API at /api/v1/ (django-ninja)."""

from ninja import NinjaAPI

api = NinjaAPI(title="hoptac API", version="1", urls_namespace="api")
