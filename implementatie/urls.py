from django.urls import include, path

app_name = "implementatie"

urlpatterns = [
    path("monitoring/", include("implementatie.urls_monitoring")),
]
