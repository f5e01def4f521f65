from django.urls import path

from timeline import views

app_name = "timeline"

urlpatterns = [
    path("", views.index, name="index"),
    # Pictures of the same filtered events as the list.
    path("visual/", views.visual, name="visual"),
    path("network/", views.network, name="network"),
    path("map/", views.places, name="map"),
    # Codes in any case and alpha-3 are accepted and redirected to the upper alpha-2 URL.
    path("countries/<str:code>/", views.country, name="country"),
    path("relations/<str:pair>/", views.relation, name="relation"),
    path("officials/<slug:slug>/", views.official, name="official"),
    # A slug (readable) or the public id (never changes, even when the title is edited).
    path("events/<slug:ref>/", views.event, name="event"),
    path("agreements/<uuid:public_id>/", views.agreement, name="agreement"),
]
