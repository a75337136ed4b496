"""Administration of the tracker.  Statuses change in the workspace (/workspace/), where
closing needs evidence; here a status is read-only, and every change is audited like the
workspace's."""
from django.contrib import admin

from ..record.admin import LockingAdmin
from .changes import audit
from .models import (Action, AuditEntry, Evidence, FollowUp, Recommendation, StatusChange,
                     TrackerSettings)


class AuditedAdmin(LockingAdmin):
    def save_model(self, request, obj, form, change):
        before = {}
        if change and form.changed_data:
            old = type(obj).objects.get(pk=obj.pk)
            before = {f: getattr(old, f) for f in form.changed_data if f != "locked_fields"}
        super().save_model(request, obj, form, change)
        if before:
            audit(request.user, obj, "edit in admin", before,
                  {f: getattr(obj, f) for f in before})


@admin.register(Action)
class ActionAdmin(AuditedAdmin):
    list_display = ("meeting", "item_number", "text", "owner", "due_date", "status")
    list_filter = ("status", "kind")
    list_select_related = ("meeting__committee",)
    search_fields = ("text", "owner", "owner_role")
    raw_id_fields = ("meeting", "item", "owner_person")

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "status", "closed_on")


@admin.register(Recommendation)
class RecommendationAdmin(AuditedAdmin):
    list_display = ("meeting", "addressee", "response_due", "response", "implementation")
    list_filter = ("response", "implementation")
    list_select_related = ("meeting__committee",)
    search_fields = ("text", "addressee")
    raw_id_fields = ("meeting", "item", "action", "resolution")


@admin.register(FollowUp)
class FollowUpAdmin(admin.ModelAdmin):
    list_display = ("action", "kind", "meeting", "score", "status")
    list_filter = ("status", "kind")
    raw_id_fields = ("action", "meeting", "item", "document", "decided_by")
    readonly_fields = ("status", "decided_at", "decided_by")


@admin.register(TrackerSettings)
class TrackerSettingsAdmin(admin.ModelAdmin):
    list_display = ("council", "response_months", "next_meeting_months")


class ReadOnlyAdmin(admin.ModelAdmin):
    """The record of what happened: never edited."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ("at", "username", "verb", "object_type", "object_id")
    list_filter = ("verb", "object_type")
    search_fields = ("username", "note")


@admin.register(StatusChange)
class StatusChangeAdmin(ReadOnlyAdmin):
    list_display = ("changed_at", "action", "from_status", "to_status", "changed_by")


@admin.register(Evidence)
class EvidenceAdmin(ReadOnlyAdmin):
    list_display = ("added_at", "action", "kind", "added_by")
