"""Who and what the load test (scripts/bench.sh) opens in a generated region (issue #15),
printed by `manage.py meetdoelen`."""

from django.db.models import Count, F, Q

from huishoudens.constants import Fase, TrajectRol
from huishoudens.models import Traject, TrajectBetrokkene
from implementatie.models import Implementatieplan
from implementatie.regio_generator import WACHTWOORD, regio_naam, totp_secret
from meldcode.models import Dossier
from plannen.models import Actie, Ondersteuningsplan
from regie.constants import Rol
from regie.models import Regio, User
from regiekaart.models import Opschaling


def meetdoelen(*, huishoudens: int, seed: int) -> dict:
    """Who and what a load test opens in a generated region: per page an account and the
    ids, chosen as the issue measured them (the busiest procesregisseur, the largest plan,
    the manager with most escalations...)."""
    regio = Regio.objects.get(naam=regio_naam(huishoudens, seed))
    users = User.objects.filter(organisatie__gemeente__regio=regio)
    actief = Q(trajectrollen__tot__isnull=True) & ~Q(trajectrollen__traject__fase=Fase.GESLOTEN)
    proces = (
        users.filter(role_assignments__rol=Rol.PROCESREGISSEUR)
        .annotate(n=Count("trajectrollen", filter=actief))
        .order_by("-n", "pk")
        .first()
    )
    groot = (
        Ondersteuningsplan.objects.filter(traject__huishouden__gemeente__regio=regio)
        .annotate(n=Count("doelen"))
        .order_by("-n", "pk")
        .first()
    )
    groot_proces = TrajectBetrokkene.objects.filter(
        traject=groot.traject, rol=TrajectRol.PROCESREGISSEUR, tot__isnull=True
    ).first()
    traject = (
        Traject.objects.filter(betrokkenen__user=proces, betrokkenen__tot__isnull=True)
        .exclude(fase=Fase.GESLOTEN)
        .order_by("pk")
        .first()
    )
    per_org = dict(
        Opschaling.objects.filter(traject__huishouden__gemeente__regio=regio)
        .values_list("organisatie_id")
        .annotate(n=Count("pk"))
        .values_list("organisatie_id", "n")
    )
    managers = users.filter(role_assignments__rol=Rol.MANAGER).order_by("pk")
    drukste = max(per_org, key=per_org.get) if per_org else None
    manager = managers.filter(organisatie_id=drukste).first() or managers.first()
    meeste_acties = (
        Actie.objects.filter(doel__plan__traject__huishouden__gemeente__regio=regio)
        .values("wie_user")
        .annotate(n=Count("pk"))
        .order_by("-n", "wie_user")
        .first()
    )
    casus = User.objects.get(pk=meeste_acties["wie_user"])
    # A dossier its owner still sees: an open traject where the owner is a regisseur today.
    dossier = (
        Dossier.objects.filter(
            traject__huishouden__gemeente__regio=regio,
            traject__betrokkenen__user=F("eigenaar"),
            traject__betrokkenen__tot__isnull=True,
        )
        .exclude(traject__fase=Fase.GESLOTEN)
        .order_by("pk")
        .first()
    )

    def account(user):
        return {"email": user.email, "totp": totp_secret(user.email)}

    org_plan = (
        Implementatieplan.objects.filter(regio=regio, organisatie__isnull=False)
        .order_by("pk")
        .first()
    )
    aandacht = users.filter(
        role_assignments__rol=Rol.AANDACHTSFUNCTIONARIS, organisatie_id=org_plan.organisatie_id
    ).first()

    def rol(r):
        return account(users.filter(role_assignments__rol=r).order_by("pk").first())

    return {
        "wachtwoord": WACHTWOORD,
        "procesregisseur": {
            **account(proces),
            "traject": traject.pk,
            "huishouden": traject.huishouden_id,
        },
        "groot_plan": {
            **account(groot_proces.user),
            "traject": groot.traject_id,
            "doelen": groot.n,
        },
        "manager": account(manager),
        "casusregisseur": account(casus),
        "meldcode": {**account(dossier.eigenaar), "dossier": dossier.pk} if dossier else None,
        "privacyfunctionaris": rol(Rol.PRIVACYFUNCTIONARIS),
        "beheerder": rol(Rol.BEHEERDER),
        "aandachtsfunctionaris": {**account(aandacht), "implementatieplan": org_plan.pk},
        "regiocoordinator": rol(Rol.REGIOCOORDINATOR),
        "procesregisseurs": [
            account(u)
            for u in users.filter(role_assignments__rol=Rol.PROCESREGISSEUR).order_by("pk")[:40]
        ],
    }


def aangemelde_client(email: str, rol: str | None = None):
    """Django's test client signed in as that account, acting in `rol` (default its first
    role): how the in-process measurements (scripts/bench/profiel.py, ontleding.py) and the
    generator's test open a page as a persona, past password and MFA."""
    from django.test import Client

    user = User.objects.get(email=email)
    client = Client()
    client.force_login(user)
    session = client.session
    session["regie_active_role"] = rol or user.rollen[0]
    session.save()
    return client
