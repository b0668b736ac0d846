from django.urls import path

from plannen import views, views_overleg, views_sjablonen, views_veiligheid

app_name = "plannen"

urlpatterns = [
    path("trajecten/<int:pk>/plan/", views.plan, name="plan"),
    path("trajecten/<int:pk>/plan/teksten/", views.plan_teksten, name="teksten"),
    path("trajecten/<int:pk>/plan/krachten-zorgen/", views.kracht_zorg_new, name="kracht_zorg"),
    path("trajecten/<int:pk>/plan/eerdere-hulp/", views.eerdere_hulp_new, name="eerdere_hulp"),
    path("trajecten/<int:pk>/plan/doelen/", views.doel_new, name="doel"),
    path("trajecten/<int:pk>/plan/doelen/<int:doel_pk>/acties/", views.actie_new, name="actie"),
    path(
        "trajecten/<int:pk>/plan/doelen/<int:doel_pk>/bereikt/",
        views.doel_bereikt,
        name="doel_bereikt",
    ),
    path("trajecten/<int:pk>/plan/vaststellen/", views.vaststellen, name="vaststellen"),
    path("trajecten/<int:pk>/plan/versies/<int:nummer>/", views.versie, name="versie"),
    path("trajecten/<int:pk>/plan/vergelijk/", views.vergelijk, name="vergelijk"),
    path(
        "trajecten/<int:pk>/plan/versies/<int:nummer>/ondertekenen/",
        views_veiligheid.ondertekenen,
        name="ondertekenen",
    ),
    path("trajecten/<int:pk>/plan/versies/<int:nummer>/pdf/", views.pdf_download, name="pdf"),
    path(
        "trajecten/<int:pk>/plan/versies/<int:nummer>/versturen/", views.versturen, name="versturen"
    ),
    path(
        "trajecten/<int:pk>/plan/versies/<int:nummer>/pdf/status/",
        views.pdf_status,
        name="pdf_status",
    ),
    path(
        "trajecten/<int:pk>/plan/versies/<int:nummer>/pdf/maken/", views.pdf_maken, name="pdf_maken"
    ),
    path(
        "trajecten/<int:pk>/veiligheidsplan/",
        views_veiligheid.veiligheidsplan,
        name="veiligheidsplan",
    ),
    path(
        "trajecten/<int:pk>/veiligheidsplan/afspraken/",
        views_veiligheid.afspraak_new,
        name="afspraak",
    ),
    path(
        "trajecten/<int:pk>/veiligheidsplan/contacten/",
        views_veiligheid.contact_new,
        name="contact",
    ),
    path(
        "trajecten/<int:pk>/veiligheidsplan/schaalvraag/", views_veiligheid.score_new, name="score"
    ),
    path("acties/", views.mijn_acties_view, name="mijn_acties"),
    path("acties/<int:actie_pk>/", views.actie_update, name="actie_bijwerken"),
]

urlpatterns += [
    path("trajecten/<int:pk>/overleggen/", views_overleg.overleg_list, name="overleggen"),
    path("trajecten/<int:pk>/overleggen/nieuw/", views_overleg.overleg_new, name="overleg_nieuw"),
    path("overleggen/<int:pk>/", views_overleg.overleg_detail, name="overleg"),
    path("overleggen/<int:pk>/wijzigen/", views_overleg.overleg_edit, name="overleg_wijzigen"),
    path("overleggen/<int:pk>/voorbereiding/", views_overleg.voorbereiding, name="voorbereiding"),
    path("overleggen/<int:pk>/annuleren/", views_overleg.overleg_cancel, name="overleg_annuleren"),
    path("overleggen/<int:pk>/uitnodiging/", views_overleg.uitnodiging_preview, name="uitnodiging"),
    path(
        "overleggen/<int:pk>/brief/<int:genodigde>.pdf",
        views_overleg.uitnodiging_brief,
        name="uitnodiging_brief",
    ),
    path(
        "overleggen/<int:pk>/genodigden/<int:genodigde>/opnieuw/",
        views_overleg.uitnodiging_opnieuw,
        name="uitnodiging_opnieuw",
    ),
    path("uitnodiging/<str:token>/", views_overleg.antwoord, name="antwoord"),
    path("uitnodigingsteksten/", views_sjablonen.sjabloon_list, name="sjablonen"),
    path(
        "uitnodigingsteksten/<str:soort>/<str:vorm>/",
        views_sjablonen.sjabloon_edit,
        name="sjabloon_bewerken",
    ),
    path(
        "uitnodigingsteksten/<str:soort>/<str:vorm>/terugzetten/",
        views_sjablonen.sjabloon_reset,
        name="sjabloon_terugzetten",
    ),
]
