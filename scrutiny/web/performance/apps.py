from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "scrutiny.web.performance"
    label = "performance"
    verbose_name = "Performance"
