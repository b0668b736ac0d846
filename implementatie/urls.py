"""URLs of implementatie (issue #14): the checklists and plans below, the monitoring figures
and the evaluation in their own modules."""

from django.urls import include, path

from implementatie.views import overzicht, plannen, sjablonen

app_name = "implementatie"

urlpatterns = [
    path("evaluatie/", include("implementatie.urls_evaluatie")),
    path("monitoring/", include("implementatie.urls_monitoring")),
    # Plans: readers by scope, changes by the owner (implementatie/policy.py).
    path("plannen/", plannen.plan_list, name="plannen"),
    path("plannen/nieuw/", plannen.plan_new, name="plan_nieuw"),
    path("plannen/<int:pk>/", plannen.plan_detail, name="plan"),
    path("plannen/<int:pk>/jaar/<int:jaar>/", plannen.plan_jaar, name="plan_jaar"),
    path("plannen/<int:pk>/jaren/", plannen.plan_jaren, name="plan_jaren"),
    path("plannen/<int:pk>/nieuw-jaar/", plannen.jaar_new, name="jaar_nieuw"),
    path("plannen/<int:pk>/pdca/", plannen.pdca, name="pdca"),
    path("plannen/<int:pk>/pdf/", plannen.plan_pdf, name="plan_pdf"),
    path("items/<int:pk>/", plannen.item_detail, name="item"),
    path("items/<int:pk>/bewijs/", plannen.bewijs, name="bewijs"),
    path("overzicht/", overzicht.overzicht, name="overzicht"),
    # Templates: the beheerder.
    path("checklists/", sjablonen.sjabloon_list, name="sjablonen"),
    path("checklists/nieuw/", sjablonen.sjabloon_detail, name="sjabloon_nieuw"),
    path("checklists/<int:pk>/", sjablonen.sjabloon_detail, name="sjabloon"),
    path("checklists/<int:pk>/kopieren/", sjablonen.sjabloon_copy, name="sjabloon_kopieren"),
    path("checklists/<int:sjabloon_pk>/thema/", sjablonen.thema_edit, name="thema_nieuw"),
    path("thema/<int:pk>/", sjablonen.thema_edit, name="thema"),
    path("thema/<int:thema_pk>/item/", sjablonen.sjabloon_item_edit, name="sjabloon_item_nieuw"),
    path("checklistitem/<int:pk>/", sjablonen.sjabloon_item_edit, name="sjabloon_item"),
]
