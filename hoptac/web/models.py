"""The search index: one entry per searchable record and its unaccented tokens.

Derived data only; `hoptac search_reindex` rebuilds it from the records at any time.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TokenField(models.CharField):
    """ASCII tokens compared byte-wise: "C" collation on PostgreSQL so that the prefix range
    `token >= 'ha' AND token < 'hb'` uses the B-tree index (SQLite's default is binary)."""

    def __init__(self, *args, **kwargs):
        kwargs["db_collation"] = "C" if settings.IS_POSTGRES else None
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("db_collation", None)
        return name, path, args, kwargs


class SearchEntry(models.Model):
    """A record as search shows it: kind, title, a line of context and its page."""

    kind = models.CharField(_("loại"), max_length=20, db_index=True)
    object_id = models.PositiveBigIntegerField()
    title = models.CharField(_("tiêu đề"), max_length=500)
    subtitle = models.CharField(_("mô tả"), max_length=500, blank=True)
    url = models.CharField(max_length=300)
    # Access: entries of a partnership follow its visibility; documents need a signed-in user.
    partnership_id = models.PositiveBigIntegerField(null=True, blank=True, db_index=True)
    needs_login = models.BooleanField(default=False)
    source_updated_at = models.DateTimeField(null=True, blank=True)
    # The unaccented words in order, space-delimited (" ha noi thanh hoa "), for phrase and
    # ranking; `text` is the search document's text as written, for the highlighted snippet.
    title_words = models.TextField(blank=True)
    words = models.TextField(blank=True)
    text = models.TextField(blank=True)

    class Meta:
        verbose_name = _("mục tìm kiếm")
        verbose_name_plural = _("chỉ mục tìm kiếm")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_kind_object")
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.title}"


class SearchToken(models.Model):
    """One distinct unaccented word of an entry ("thanh", "hoa")."""

    entry = models.ForeignKey(SearchEntry, models.CASCADE, related_name="tokens")
    token = TokenField(max_length=40)

    class Meta:
        indexes = [models.Index(fields=["token", "entry"], name="search_token_prefix")]

    def __str__(self) -> str:
        return self.token
