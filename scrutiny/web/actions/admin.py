from django.contrib import admin

from ..record.admin import LockingAdmin
from .models import Action


@admin.register(Action)
class ActionAdmin(LockingAdmin):
    list_display = ("meeting", "item_number", "text", "owner", "due", "status")
    list_filter = ("status",)
    list_select_related = ("meeting__committee",)
    search_fields = ("text", "owner")
    raw_id_fields = ("meeting", "item")
