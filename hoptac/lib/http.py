"""The request type our views see: Django's, with django-htmx's `request.htmx`."""

from django.http import HttpRequest as _HttpRequest
from django_htmx.middleware import HtmxDetails


class HttpRequest(_HttpRequest):
    """For type checking only: HtmxMiddleware sets `htmx` on every request."""

    htmx: HtmxDetails
