"""`{% folder_sectie traject %}`: phase 2's "folder meegeven" on the traject page (002 DEEL A
fase 2), with the folders given so far. Shown in phase 2, and later once a folder was
given. A tag rather than view context, so the traject page's view needs no change."""

from django import template

from huishoudens.constants import Fase

register = template.Library()


@register.inclusion_tag("huishoudens/folders/_traject_sectie.html")
def folder_sectie(traject):
    uitgereikt = list(traject.folders.select_related("door", "bericht"))
    return {
        "traject": traject,
        "uitgereikt": uitgereikt,
        "toon": traject.fase == Fase.INTAKE or bool(uitgereikt),
    }
