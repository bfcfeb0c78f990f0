"""Every register's list page links to an export that exists, keeping its filters."""

import re

import pytest

from hoptac.lib.registers import registers

EXPORTABLE = registers()
LISTED = {slug: r for slug, r in EXPORTABLE.items() if r.web_list}


@pytest.mark.parametrize("slug", sorted(LISTED))
def test_the_list_page_export_link_downloads_a_csv(client, admin_user, hanoi_thanhhoa, slug):
    client.force_login(admin_user)
    page = client.get(f"/{slug}/", {"q": "Hà"})
    assert page.status_code == 200
    links = re.findall(r'href="([^"]*/reports/export/[^"]*\.csv[^"]*)"', page.content.decode())
    assert links, f"no CSV export link on /{slug}/"
    href = links[0].replace("&amp;", "&")
    assert "q=" in href
    response = client.get(href)
    assert response.status_code == 200, href
    assert response["Content-Type"].startswith("text/csv")


def test_every_listed_register_is_exportable():
    assert set(LISTED) <= set(EXPORTABLE), set(LISTED) - set(EXPORTABLE)
