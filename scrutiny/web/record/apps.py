from django.apps import AppConfig


class RecordConfig(AppConfig):
    name = "scrutiny.web.record"
    label = "record"
    verbose_name = "Committee record"
