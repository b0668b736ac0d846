from django.urls import include, path

app_name = "implementatie"

urlpatterns = [
    path("evaluatie/", include("implementatie.urls_evaluatie")),
    path("monitoring/", include("implementatie.urls_monitoring")),
]
