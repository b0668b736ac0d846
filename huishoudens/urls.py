from django.urls import path

from huishoudens.views import criteria as cr
from huishoudens.views import folders as fo
from huishoudens.views import huishoudens as hh
from huishoudens.views import regie as rg
from huishoudens.views import trajecten as tr

app_name = "huishoudens"

urlpatterns = [
    path("huishoudens/", hh.huishouden_list, name="huishoudens"),
    path("huishoudens/aanmelden/", hh.aanmelding_new, name="aanmelden"),
    path("huishoudens/<int:pk>/", hh.huishouden_detail, name="huishouden"),
    path("huishoudens/<int:pk>/aanmelden/", hh.aanmelding_existing, name="aanmelden_bestaand"),
    path("huishoudens/<int:pk>/leden/nieuw/", hh.gezinslid_edit, name="gezinslid_nieuw"),
    path("huishoudens/<int:pk>/leden/<int:lid_pk>/", hh.gezinslid_edit, name="gezinslid"),
    path(
        "huishoudens/<int:pk>/leden/<int:lid_pk>/toestemming/",
        hh.toestemming_new,
        name="toestemming",
    ),
    path("huishoudens/<int:pk>/bewerken/", hh.huishouden_edit, name="huishouden_bewerken"),
    path("huishoudens/<int:pk>/netwerk/nieuw/", hh.netwerklid_edit, name="netwerklid_nieuw"),
    path("huishoudens/<int:pk>/netwerk/<int:netwerk_pk>/", hh.netwerklid_edit, name="netwerklid"),
    path(
        "huishoudens/<int:pk>/<str:soort>/<int:item_pk>/verwijderen/",
        hh.verwijderen,
        name="verwijderen",
    ),
    path(
        "huishoudens/<int:pk>/professionals/nieuw/", hh.professional_new, name="professional_nieuw"
    ),
    path("trajecten/<int:pk>/", tr.traject_detail, name="traject"),
    path("trajecten/<int:pk>/fase/", tr.traject_move, name="fase"),
    path("trajecten/<int:pk>/intake/", tr.intake, name="intake"),
    path("trajecten/<int:pk>/acties/<int:actie_pk>/", tr.actie_markeren, name="actie"),
    path("trajecten/<int:pk>/regisseurs/nieuw/", tr.regisseur_new, name="regisseur_nieuw"),
    path("trajecten/<int:pk>/signalen/nieuw/", tr.signaal_new, name="signaal_nieuw"),
    path("trajecten/<int:pk>/overdracht/", tr.overdracht_new, name="overdracht_nieuw"),
    path("trajecten/<int:pk>/folders/", fo.folders, name="folders"),
    path("trajecten/<int:pk>/folders/uitreiken/", fo.folder_uitreiken, name="folder_uitreiken"),
    path("trajecten/<int:pk>/folders/<str:soort>/", fo.folder, name="folder"),
    path("trajecten/<int:pk>/folders/<str:soort>.pdf", fo.folder_pdf, name="folder_pdf"),
    path("overdrachten/<int:pk>/", tr.overdracht_decide, name="overdracht"),
    path(
        "trajecten/<int:pk>/betrokkenheid-afsluiten/",
        rg.betrokkenheid_afsluiten,
        name="betrokkenheid_afsluiten",
    ),
    path(
        "trajecten/<int:pk>/procesregie-afronden/",
        rg.procesregie_afronden,
        name="procesregie_afronden",
    ),
    path("trajecten/<int:pk>/nazorg/", rg.nazorg, name="nazorg"),
    path(
        "trajecten/<int:pk>/nazorg/<int:afspraak_pk>/verwijderen/",
        rg.nazorg_verwijderen,
        name="nazorg_verwijderen",
    ),
    path("trajecten/<int:pk>/voorkeur/", rg.voorkeur, name="voorkeur"),
    path(
        "trajecten/<int:pk>/casusregie-netwerk/",
        rg.informele_casusregisseur_new,
        name="informele_casusregisseur",
    ),
    path(
        "trajecten/<int:pk>/casusregie-netwerk/<int:item_pk>/einde/",
        rg.informele_casusregisseur_einde,
        name="informele_casusregisseur_einde",
    ),
    path("startcriteria/", cr.criteria, name="criteria"),
    path("startcriteria/<int:pk>/actief/", cr.criterium_toggle, name="criterium_actief"),
]
