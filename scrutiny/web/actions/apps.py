from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "scrutiny.web.actions"
    label = "actions"
    verbose_name = "Actions"
