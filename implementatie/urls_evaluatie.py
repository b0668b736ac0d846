"""URLs of the evaluation with the household and the monitoring surveys (002 DEEL I), under
/implementatie/evaluatie/ in the namespace "implementatie"."""

from django.urls import path

from implementatie.views import evaluatie

urlpatterns = [
    path("traject/<int:pk>/", evaluatie.traject, name="evaluatie_traject"),
    path("traject/<int:pk>/papier/", evaluatie.papier, name="evaluatie_papier"),
    path("traject/<int:pk>/versturen/", evaluatie.versturen, name="evaluatie_versturen"),
    path("invullen/<str:token>/", evaluatie.invullen, name="evaluatie_invullen"),
    path("resultaten/", evaluatie.resultaten, name="evaluatie_resultaten"),
    path("enquetes/", evaluatie.enquetes, name="evaluatie_enquetes"),
    path("enquetes/<int:pk>/", evaluatie.enquete, name="evaluatie_enquete"),
]
