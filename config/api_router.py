"""The API's URLs: /api/<records>/ from the router, plus aggregates, schema and docs."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from events.api import views
from events.api.batches import EventBatchView
from events.api.fallback import api_fallback
from events.api.groupings import GroupingViewSet
from events.api.posts import PostViewSet, TenureViewSet
from extraction.api import ExtractView

router = DefaultRouter()
router.register("events", views.EventViewSet, basename="event")
router.register("countries", views.CountryViewSet, basename="country")
router.register("officials", views.OfficialViewSet, basename="official")
router.register("organizations", views.OrganizationViewSet, basename="organization")
router.register("agreements", views.AgreementViewSet, basename="agreement")
router.register("sources", views.SourceViewSet, basename="source")
router.register("statements", views.StatementViewSet, basename="statement")
router.register("topics", views.TopicViewSet, basename="topic")
router.register("participants", views.ParticipantViewSet, basename="participant")
router.register("groupings", GroupingViewSet, basename="grouping")
router.register("posts", PostViewSet, basename="post")
router.register("tenures", TenureViewSet, basename="tenure")

app_name = "api"

urlpatterns = [
    # Before the router's events/<id>/, which would take "batch" for an id.
    path("events/batch/", EventBatchView.as_view(), name="event-batch"),
    path("stats/events/", views.EventStatsView.as_view(), name="event-stats"),
    path("relations/<str:first>/<str:second>/", views.RelationView.as_view(), name="relation"),
    path("extract/", ExtractView.as_view(), name="extract"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves its start-up script as a file, so the CSP needs no inline code.
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api:schema", template_name="api/swagger_ui.html"
        ),
        name="docs",
    ),
    *router.urls,
    # Last: an unknown path is a JSON 404, one missing its slash a 308 (events.api.fallback).
    re_path(r"^(?P<rest>.*)$", api_fallback),
]
