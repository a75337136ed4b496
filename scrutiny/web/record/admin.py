"""Officer administration: an officer's change to a field locks it against re-ingest."""
from django.contrib import admin

from . import models as m


class LockingAdmin(admin.ModelAdmin):
    """Saving a change records the changed fields in `locked_fields`, so that reading
    the papers again never overwrites what an officer corrected."""

    citation_fields = ("document", "line", "end_line", "page")

    def get_readonly_fields(self, request, obj=None):
        names = {f.name for f in self.model._meta.get_fields()}
        return tuple(f for f in self.citation_fields if f in names)

    def save_model(self, request, obj, form, change):
        if change and hasattr(obj, "lock"):
            edited = [f for f in form.changed_data if f != "locked_fields"]
            if edited:
                obj.lock(*edited)
        super().save_model(request, obj, form, change)


@admin.register(m.Council)
class CouncilAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name",)


@admin.register(m.Committee)
class CommitteeAdmin(LockingAdmin):
    list_display = ("name", "council")
    list_filter = ("council",)
    search_fields = ("name",)


class PersonNameInline(admin.TabularInline):
    model = m.PersonName
    extra = 0


@admin.register(m.Person)
class PersonAdmin(LockingAdmin):
    list_display = ("name", "council")
    list_filter = ("council",)
    search_fields = ("name", "names__name")
    inlines = [PersonNameInline]


@admin.register(m.MergeProposal)
class MergeProposalAdmin(admin.ModelAdmin):
    list_display = ("person", "candidate", "reason", "score", "status")
    list_filter = ("status", "council")
    list_select_related = ("person", "candidate")
    raw_id_fields = ("person", "candidate")


@admin.register(m.Membership)
class MembershipAdmin(LockingAdmin):
    list_display = ("person", "committee", "role", "from_date", "to_date")
    list_filter = ("committee__council", "role")
    list_select_related = ("person", "committee")
    raw_id_fields = ("person", "committee")


class ItemInline(admin.TabularInline):
    model = m.AgendaItem
    fields = ("number", "minute_number", "title", "pages", "exempt", "exempt_paragraph")
    extra = 0
    show_change_link = True


@admin.register(m.Meeting)
class MeetingAdmin(LockingAdmin):
    list_display = ("committee", "date", "status", "agenda_status", "minutes_status")
    list_filter = ("committee__council", "status", "minutes_status")
    list_select_related = ("committee",)
    date_hierarchy = "date"
    inlines = [ItemInline]


@admin.register(m.AgendaItem)
class AgendaItemAdmin(LockingAdmin):
    list_display = ("meeting", "number", "title", "exempt")
    list_select_related = ("meeting__committee",)
    search_fields = ("title",)
    raw_id_fields = ("meeting", "parent", "minutes_document")


@admin.register(m.Attendance)
class AttendanceAdmin(LockingAdmin):
    list_display = ("meeting", "person", "kind")
    list_filter = ("kind",)
    list_select_related = ("meeting__committee", "person")
    raw_id_fields = ("meeting", "person", "substituting_for")


@admin.register(m.Declaration)
class DeclarationAdmin(LockingAdmin):
    list_display = ("meeting", "member", "item_number")
    raw_id_fields = ("meeting", "person", "item")


@admin.register(m.Resolution)
class ResolutionAdmin(LockingAdmin):
    list_display = ("meeting", "item_number", "text")
    list_select_related = ("meeting__committee",)
    search_fields = ("text",)
    raw_id_fields = ("meeting", "item")


@admin.register(m.Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "source_name", "pages", "ingested_at")
    list_filter = ("kind",)
    search_fields = ("title", "source_name", "sha256")
    readonly_fields = ("sha256", "text", "page_starts", "ingested_at")
