from django.urls import path

from plannen.views import overleg, plan, sjablonen, veiligheidsplan

app_name = "plannen"

urlpatterns = [
    path("trajecten/<int:pk>/plan/", plan.plan, name="plan"),
    path("trajecten/<int:pk>/plan/teksten/", plan.plan_teksten, name="teksten"),
    path("trajecten/<int:pk>/plan/krachten-zorgen/", plan.kracht_zorg_new, name="kracht_zorg"),
    path("trajecten/<int:pk>/plan/eerdere-hulp/", plan.eerdere_hulp_new, name="eerdere_hulp"),
    path("trajecten/<int:pk>/plan/doelen/", plan.doel_new, name="doel"),
    path("trajecten/<int:pk>/plan/doelen/<int:doel_pk>/acties/", plan.actie_new, name="actie"),
    path(
        "trajecten/<int:pk>/plan/doelen/<int:doel_pk>/bereikt/",
        plan.doel_bereikt,
        name="doel_bereikt",
    ),
    path("trajecten/<int:pk>/plan/vaststellen/", plan.vaststellen, name="vaststellen"),
    path("trajecten/<int:pk>/plan/versies/<int:nummer>/", plan.versie, name="versie"),
    path("trajecten/<int:pk>/plan/vergelijk/", plan.vergelijk, name="vergelijk"),
    path(
        "trajecten/<int:pk>/plan/versies/<int:nummer>/ondertekenen/",
        veiligheidsplan.ondertekenen,
        name="ondertekenen",
    ),
    path("trajecten/<int:pk>/plan/versies/<int:nummer>/pdf/", plan.pdf_download, name="pdf"),
    path(
        "trajecten/<int:pk>/plan/versies/<int:nummer>/versturen/", plan.versturen, name="versturen"
    ),
    path(
        "trajecten/<int:pk>/plan/versies/<int:nummer>/pdf/status/",
        plan.pdf_status,
        name="pdf_status",
    ),
    path(
        "trajecten/<int:pk>/plan/versies/<int:nummer>/pdf/maken/", plan.pdf_maken, name="pdf_maken"
    ),
    path(
        "trajecten/<int:pk>/veiligheidsplan/",
        veiligheidsplan.veiligheidsplan,
        name="veiligheidsplan",
    ),
    path(
        "trajecten/<int:pk>/veiligheidsplan/afspraken/",
        veiligheidsplan.afspraak_new,
        name="afspraak",
    ),
    path(
        "trajecten/<int:pk>/veiligheidsplan/contacten/",
        veiligheidsplan.contact_new,
        name="contact",
    ),
    path(
        "trajecten/<int:pk>/veiligheidsplan/schaalvraag/", veiligheidsplan.score_new, name="score"
    ),
    path(
        "trajecten/<int:pk>/veiligheidsplan/nakoming/",
        veiligheidsplan.nakoming_new,
        name="nakoming",
    ),
    path("acties/", plan.mijn_acties_view, name="mijn_acties"),
    path("acties/<int:actie_pk>/", plan.actie_update, name="actie_bijwerken"),
]

urlpatterns += [
    path("trajecten/<int:pk>/overleggen/", overleg.overleg_list, name="overleggen"),
    path("trajecten/<int:pk>/overleggen/nieuw/", overleg.overleg_new, name="overleg_nieuw"),
    path("overleggen/<int:pk>/", overleg.overleg_detail, name="overleg"),
    path("overleggen/<int:pk>/wijzigen/", overleg.overleg_edit, name="overleg_wijzigen"),
    path("overleggen/<int:pk>/voorbereiding/", overleg.voorbereiding, name="voorbereiding"),
    path("overleggen/<int:pk>/annuleren/", overleg.overleg_cancel, name="overleg_annuleren"),
    path("overleggen/<int:pk>/uitnodiging/", overleg.uitnodiging_preview, name="uitnodiging"),
    path(
        "overleggen/<int:pk>/brief/<int:genodigde>.pdf",
        overleg.uitnodiging_brief,
        name="uitnodiging_brief",
    ),
    path(
        "overleggen/<int:pk>/genodigden/<int:genodigde>/opnieuw/",
        overleg.uitnodiging_opnieuw,
        name="uitnodiging_opnieuw",
    ),
    path("uitnodiging/<str:token>/", overleg.antwoord, name="antwoord"),
    path("uitnodigingsteksten/", sjablonen.sjabloon_list, name="sjablonen"),
    path(
        "uitnodigingsteksten/<str:soort>/<str:vorm>/",
        sjablonen.sjabloon_edit,
        name="sjabloon_bewerken",
    ),
    path(
        "uitnodigingsteksten/<str:soort>/<str:vorm>/terugzetten/",
        sjablonen.sjabloon_reset,
        name="sjabloon_terugzetten",
    ),
]
