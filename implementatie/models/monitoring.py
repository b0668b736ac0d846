"""The monitoring figures as last computed, per scope and period (issue #15).

Counting a region's trajecten, meetings and actions takes time that grows with the region
(2 s at 50,000 households), so the page never counts: it shows the stand a Celery task
computed (`implementatie.monitoring_stand`), with the moment it was computed. A stand holds
only the figures as shown, already suppressed: counts, no household data."""

from django.db import models


class Monitoringstand(models.Model):
    scope = models.CharField(max_length=40)  # implementatie.monitoring_stand.scope_sleutel
    periode = models.CharField(max_length=10)  # Periode.sleutel
    berekend_op = models.DateTimeField()
    duur_ms = models.PositiveIntegerField(default=0)  # how long the computation took
    figuren = models.JSONField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scope", "periode"], name="monitoringstand_uniek")
        ]

    def __str__(self):
        return f"{self.scope} {self.periode} ({self.berekend_op:%Y-%m-%d %H:%M})"
