from django.contrib import admin

from ..record.admin import LockingAdmin
from .models import Indicator, IndicatorValue


class ValueInline(admin.TabularInline):
    model = IndicatorValue
    fields = ("period", "value", "unit", "target", "status")
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(LockingAdmin):
    list_display = ("name", "council", "unit")
    list_filter = ("council",)
    search_fields = ("name",)
    inlines = [ValueInline]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(LockingAdmin):
    list_display = ("indicator", "period", "value", "target", "status")
    list_select_related = ("indicator",)
    raw_id_fields = ("indicator", "meeting")
