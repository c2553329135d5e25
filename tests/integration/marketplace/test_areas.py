import pytest
from django.core.exceptions import ValidationError

from demo import content
from marketplace.models import AdministrativeArea
from marketplace.selectors import area_tree
from marketplace.services.areas import areas_import

pytestmark = pytest.mark.django_db

Level = AdministrativeArea.Level


def test_import_builds_the_province_tree():
    result = areas_import(province=content.PROVINCE["name"], districts=content.DISTRICTS)
    assert result.created == 1 + 6 + 47
    assert AdministrativeArea.objects.filter(level=Level.DISTRICT).count() == 6
    assert AdministrativeArea.objects.filter(level=Level.COMMUNE).count() == 47
    commune = (
        AdministrativeArea.objects.filter(level=Level.COMMUNE).select_related("parent").first()
    )
    assert commune.parent.level == Level.DISTRICT
    assert commune.parent.parent.level == Level.PROVINCE


def test_import_twice_changes_nothing_and_keeps_staff_edits():
    areas_import(province=content.PROVINCE["name"], districts=content.DISTRICTS)
    district = AdministrativeArea.objects.filter(level=Level.DISTRICT).first()
    district.name = "Tên mới do cán bộ sửa"
    district.is_active = False
    district.save()
    before = list(AdministrativeArea.objects.order_by("pk").values())

    result = areas_import(province=content.PROVINCE["name"], districts=content.DISTRICTS)

    assert result.created == 0
    assert list(AdministrativeArea.objects.order_by("pk").values()) == before


def test_a_commune_cannot_hang_under_the_province():
    province = AdministrativeArea.objects.create(
        name="Ninh Bình", slug="ninh-binh", level="province"
    )
    misplaced = AdministrativeArea(
        name="Gia Sinh", slug="gia-sinh", level="commune", parent=province
    )
    with pytest.raises(ValidationError) as error:
        misplaced.full_clean()
    assert "level" in error.value.message_dict


def test_only_a_province_stands_at_the_top():
    with pytest.raises(ValidationError):
        AdministrativeArea(name="Hoa Lư", slug="hoa-lu", level="district").full_clean()


def test_area_names_are_data_not_code():
    areas_import(province="Tỉnh Thử", districts=[{"name": "Huyện A", "communes": ["Xã Một"]}])
    commune = AdministrativeArea.objects.get(slug="xa-mot")
    assert commune.path_names == ["Tỉnh Thử", "Huyện A", "Xã Một"]


def test_area_tree_hides_retired_areas_in_three_queries(django_assert_num_queries):
    areas_import(province=content.PROVINCE["name"], districts=content.DISTRICTS)
    retired = AdministrativeArea.objects.filter(level=Level.COMMUNE).first()
    retired.is_active = False
    retired.save()
    with django_assert_num_queries(3):
        tree = area_tree()
        communes = [c for d in tree[0].active_children for c in d.active_children]
    assert len(tree[0].active_children) == 6
    assert len(communes) == 46
    assert retired not in communes
