"""URLs of the monitoring figures (issue #14), included under /implementatie/monitoring/."""

from django.urls import path

from implementatie.views import monitoring

urlpatterns = [
    path("", monitoring.monitoring, name="monitoring"),
    path("export.csv", monitoring.monitoring_csv, name="monitoring_csv"),
]
