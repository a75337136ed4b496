"""Administration of indicators and their values.  Officers merge and split indicators on
their own pages (/officers/indicators/); an edit saved here is locked against re-reading
the papers, as everywhere in the admin."""
from django.contrib import admin

from ..record.admin import LockingAdmin
from .models import Indicator, IndicatorAudit, IndicatorName, IndicatorValue, NarrativeFigure


class ValueInline(admin.TabularInline):
    model = IndicatorValue
    fields = ("period", "value", "unit", "target", "status", "rag", "direction", "england",
              "statistical_neighbours", "quartile")
    extra = 0
    show_change_link = True


class NameInline(admin.TabularInline):
    model = IndicatorName
    fields = ("name",)
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(LockingAdmin):
    list_display = ("name", "council", "unit", "polarity", "service_area")
    list_filter = ("council", "polarity")
    search_fields = ("name", "names__name", "ref")
    readonly_fields = ("key", "polarity_source")
    inlines = [NameInline, ValueInline]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(LockingAdmin):
    list_display = ("indicator", "period", "value", "target", "status", "rag")
    list_select_related = ("indicator",)
    raw_id_fields = ("indicator", "meeting")
    search_fields = ("indicator__name", "period")


@admin.register(NarrativeFigure)
class NarrativeFigureAdmin(admin.ModelAdmin):
    list_display = ("value", "figure", "line")
    raw_id_fields = ("value",)
    readonly_fields = ("document", "line", "end_line", "page")


@admin.register(IndicatorAudit)
class IndicatorAuditAdmin(admin.ModelAdmin):
    list_display = ("at", "action", "user", "summary")
    list_filter = ("action",)
    readonly_fields = [f.name for f in IndicatorAudit._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
