from django.urls import path

from meldcode.views import crisis, dossiers, toegang

app_name = "meldcode"

urlpatterns = [
    path("traject/<int:traject_pk>/nieuw/", dossiers.dossier_new, name="nieuw"),
    path("traject/<int:pk>/acuut/", crisis.acuut, name="acuut"),
    path("dossiers/<int:pk>/", dossiers.dossier_detail, name="dossier"),
    path("dossiers/<int:pk>/stap/<str:code>/", dossiers.stap_record, name="stap"),
    path("dossiers/<int:pk>/weging/", dossiers.weging, name="weging"),
    path("dossiers/<int:pk>/melding/", dossiers.melding_record, name="melding"),
    path(
        "dossiers/<int:pk>/meldingen/<int:melding_pk>/terugkoppeling/",
        dossiers.terugkoppeling_record,
        name="terugkoppeling",
    ),
    path("dossiers/<int:pk>/gebeurtenis/", dossiers.gebeurtenis_record, name="gebeurtenis"),
    path("dossiers/<int:pk>/sluiten/", dossiers.dossier_close, name="sluiten"),
    path("dossiers/<int:pk>/toegang/", toegang.toegang_new, name="toegang"),
    path(
        "dossiers/<int:pk>/toegang/<int:toegang_pk>/intrekken/",
        toegang.toegang_withdraw,
        name="toegang_intrekken",
    ),
    path(
        "dossiers/<int:pk>/afschermen/<str:soort>/<int:item_pk>/",
        toegang.item_shield,
        name="afschermen",
    ),
    path("dossiers/<int:pk>/inzage.pdf", toegang.inzage_pdf, name="inzage"),
    path("crisiscontacten/", crisis.crisiscontact_list, name="crisiscontacten"),
    path("crisiscontacten/nieuw/", crisis.crisiscontact_edit, name="crisiscontact_nieuw"),
    path("crisiscontacten/<int:pk>/", crisis.crisiscontact_edit, name="crisiscontact"),
    path(
        "crisiscontacten/<int:pk>/verwijderen/",
        crisis.crisiscontact_delete,
        name="crisiscontact_verwijderen",
    ),
    path("scholing/", crisis.scholing_list, name="scholingen"),
    path("scholing/<int:pk>/verwijderen/", crisis.scholing_delete, name="scholing_verwijderen"),
]
