"""Reads of the huishoudens app, and the relations that give a user need to know."""

from django.db.models import Q

from huishoudens.models import BetrokkenProfessional, StartCriterium, TrajectBetrokkene


def household_ids_of_regisseur(user):
    """Households of trajecten where the user is procesregisseur or casusregisseur now."""
    return (
        TrajectBetrokkene.objects.actief()
        .filter(user=user)
        .values_list("traject__huishouden_id", flat=True)
    )


def household_ids_of_professional(user):
    """Households where the user is linked as involved professional (incl. who registered)."""
    return BetrokkenProfessional.objects.filter(user=user).values_list("huishouden_id", flat=True)


def start_criteria_for(organisatie):
    """The six criteria of a kwetsbaar huishouden (002 ch. 4) and the organisation's own."""
    return StartCriterium.objects.filter(
        Q(organisatie__isnull=True) | Q(organisatie=organisatie), actief=True
    ).order_by("organisatie_id", "volgorde")
