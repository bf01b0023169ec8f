"""The widget registry validates declarations and answers the shell and voice queries."""

import pytest

from kiosk.registry import Registry, RegistryError
from kiosk.widget_spec import WidgetSpec
from widgets import ALL_SPECS, build_registry


def spec(id, aliases=(), **kw):
    return WidgetSpec(
        id=id,
        title=kw.get("title", {"ko": "가", "en": "A", "zh": "甲", "ja": "ア"}),
        description={"ko": "설명", "en": "desc", "zh": "说明", "ja": "説明"},
        view="x:Y",
        voice_aliases={"ko": aliases},
    )


def test_real_registry_is_valid_and_ordered():
    registry = build_registry()
    assert registry.categories("station")[:3] == ["alerts", "traffic", "air"]
    assert {"air", "subway", "bikes", "alerts"} <= set(registry.page_ids("station"))
    assert len(registry.all()) == len(ALL_SPECS)


def test_aliases_are_found_without_spaces_or_case():
    registry = build_registry()
    assert registry.find_by_alias("대기 환경") == "air"
    assert registry.find_by_alias("Air Quality") == "air"
    assert registry.find_by_alias("없는말") is None


@pytest.mark.parametrize(
    "specs,message",
    [
        ([spec("a"), spec("a")], "duplicate"),
        ([spec("home")], "reserved"),
        ([spec("a", title={"ko": "가"})], "no en title"),
        ([spec("a", title={"ko": "가", "en": "A", "ja": "ア"})], "no zh title"),
        ([spec("a", ("대기",)), spec("b", ("대 기",))], "claimed by both"),
    ],
)
def test_bad_declarations_fail_loudly(specs, message):
    with pytest.raises(RegistryError, match=message):
        Registry(specs)


def test_every_view_path_names_a_module_and_class():
    for widget in ALL_SPECS:
        module, _, cls = widget.view.partition(":")
        assert module.startswith("widgets.") and cls.endswith("Page"), widget.id
