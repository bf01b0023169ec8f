"""Every interface string exists in every required language; formatting per language."""

from kiosk.i18n import TEXT, format_age, tr
from kiosk.registry import REQUIRED_LANGUAGES


def test_every_key_has_every_required_language():
    missing = [
        (key, lang)
        for key, texts in TEXT.items()
        for lang in REQUIRED_LANGUAGES
        if not texts.get(lang)
    ]
    assert missing == []


def test_placeholders_and_ages():
    assert tr("idle.countdown", "en", n=5) == "Returning to the start screen in 5 s"
    assert format_age(30, "ko") == "방금" and format_age(7200, "en") == "2 h ago"
