"""The interface is Vietnamese first; English only when the user picks it."""


def test_an_english_browser_still_gets_vietnamese(client, db):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert page.status_code == 200
    assert page.headers["Content-Language"] == "vi"


def test_the_language_switch_keeps_english(client, db):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert client.get("/").headers["Content-Language"] == "en"


def test_an_unknown_language_cookie_falls_back_to_vietnamese(client, db):
    client.cookies["django_language"] = "xx"
    assert client.get("/").headers["Content-Language"] == "vi"
