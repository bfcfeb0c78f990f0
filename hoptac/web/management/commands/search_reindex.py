"""`hoptac search_reindex`: rebuild the search index from the records."""

from django.core.management.base import BaseCommand

from hoptac.web.search import search_index_rebuild


class Command(BaseCommand):
    help = "Xây dựng lại chỉ mục tìm kiếm từ dữ liệu (Rebuild the search index)."

    def handle(self, *args, **options) -> None:
        n = search_index_rebuild()
        self.stdout.write(f"{n} mục đã được lập chỉ mục.")
