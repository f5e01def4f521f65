from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

admin.site.site_header = "Diplomatic Timeline"
admin.site.site_title = "Diplomatic Timeline admin"
admin.site.index_title = "Records"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="timeline:index", permanent=False)),
    path("admin/", admin.site.urls),
    path("timeline/", include("timeline.urls")),
    path("api/", include("config.api_router")),
]

handler400 = "config.views.bad_request"
handler500 = "config.views.server_error"
