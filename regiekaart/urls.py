from django.urls import path

from regiekaart.views import kaart as k
from regiekaart.views import manager as m
from regiekaart.views import traject as t

app_name = "regiekaart"

urlpatterns = [
    path("trajecten/<int:pk>/regiekaart/", t.traject_regiekaart, name="traject"),
    path("trajecten/<int:pk>/regiekaart/overdracht/", t.overdracht_zvh, name="overdracht"),
    path("escalaties/", m.escalaties, name="escalaties"),
    path("escalaties/<int:pk>/", m.escalatie, name="escalatie"),
    path("escalaties/<int:pk>/afhandelen/", t.afhandelen, name="afhandelen"),
    path("meldingen/gelezen/", m.meldingen_gelezen, name="meldingen_gelezen"),
    path("regiekaart/", k.kaart, name="kaart"),
    path("regiekaart/kleuren.css", k.kleuren, name="kleuren"),
    path("regiekaart/vaststellen/", k.vaststellen, name="vaststellen"),
    path("regiekaart/niveaus/<int:nummer>/", k.niveau_bewerken, name="niveau_bewerken"),
    path("regiekaart/namen/", k.namen, name="namen"),
    path("regiekaart/namen/nieuw/", k.naam_bewerken, name="naam_nieuw"),
    path("regiekaart/namen/<int:pk>/", k.naam_bewerken, name="naam"),
    path("regiekaart/namen/<int:pk>/verwijderen/", k.naam_verwijderen, name="naam_verwijderen"),
]
