"""The API (django-ninja), mounted at /api/; its OpenAPI document is /api/openapi.json and
its reference pages /api/docs.  Each app adds its endpoints as a router here."""
from ninja import NinjaAPI

api = NinjaAPI(title="Scrutiny", version="1",
               description="Overview and scrutiny committee papers as a cited record.",
               urls_namespace="api")

api.add_router("/search", "scrutiny.web.search.api.router")
