"""A deterministic, realistic region at any size, for measuring (issue #15; developer tool,
not demo data: `manage.py regio_genereren`).

At `huishoudens=N` it makes, in proportion to the issue's region of 50,000 households:
about 3.2 members per household, network and linked professionals, one traject per
household of which 40% open (in every phase, 10% without procesregisseur), plans for
trajecten past the intake with goals and actions (one plan with 23 goals for the "large
plan" measurement), 0.6 plan versions and 1.2 meetings per household with 5.5 invitees
each, Veiligheidsplannen with scores where safety is a concern, regiekaart levels with
5,000 escalations per 50,000 households, meldcode dossiers, and 40 audit rows per
household, chained exactly as `regie.audit` chains them (so `audit_verify` passes).

Everything is written with `bulk_create` in batches; names, dates and choices come from
one `random.Random(seed)`, and dates count back from `peildatum`, so the same arguments
give the same region. Every account gets the password `WACHTWOORD` and a TOTP secret
derived from its e-mail address (`totp_secret`), so a load test can sign in as anyone.
"""

from __future__ import annotations

import base64
import contextlib
import datetime
import hashlib
import random
import uuid
from collections.abc import Iterable, Iterator

from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone

from huishoudens.constants import Fase, Gezag, RolInGezin, TrajectRol
from huishoudens.models import (
    BetrokkenProfessional,
    FaseOvergang,
    Gezinslid,
    Huishouden,
    Netwerklid,
    Traject,
    TrajectBetrokkene,
)
from implementatie.constants import ItemStatus
from implementatie.models import PlanItem, Sjabloon
from implementatie.scope import Niveau, Scope, van_gemeente, van_organisatie
from implementatie.services import plan_create
from meldcode.constants import Aanleiding
from meldcode.models import Dossier
from plannen.constants import ActieStatus
from plannen.models import (
    Actie,
    Doel,
    Genodigde,
    Ondersteuningsplan,
    Overleg,
    PlanVersie,
    Schaalscore,
    Veiligheidsafspraak,
    Veiligheidsplan,
)
from plannen.models.overleg import GenodigdeSoort, OverlegSoort, OverlegStatus
from plannen.selectors.plan import plan_with_everything, snapshot
from plannen.services.plan import content_hash
from regie.constants import AuditActie, AuditUitkomst, Competentieprofiel, OrganisatieSoort, Rol
from regie.models import (
    AuditEntry,
    Competentie,
    Gemeente,
    Organisatie,
    Regio,
    RoleAssignment,
    User,
)
from regie.models.audit import CHAINED_FIELDS, chain_digest, chain_lock
from regiekaart.constants import Richting
from regiekaart.models import Beoordeling, Opschaling, TrajectNiveau

from .regio_namen import ACHTERNAMEN, GEMEENTEN, STRATEN, VOORNAMEN

WACHTWOORD = "regio-meten-2026"
BATCH = 2000
GROTE_PLAN_DOELEN = 23

OPEN_FASEN = [f for f in Fase if f != Fase.GESLOTEN]
ORG_SOORTEN = [
    OrganisatieSoort.LOKAAL_TEAM,
    OrganisatieSoort.BASISZORG,
    OrganisatieSoort.ZORGKETEN,
    OrganisatieSoort.VEILIGHEIDSKETEN,
    OrganisatieSoort.GEMEENTE,
]


def totp_secret(email: str) -> str:
    """The TOTP secret of a generated account (base32), derived from its address."""
    return base64.b32encode(hashlib.sha256(f"regio:{email}".encode()).digest()[:20]).decode()


def regio_naam(huishoudens: int, seed: int) -> str:
    return f"Meetregio {huishoudens} (seed {seed})"


@contextlib.contextmanager
def _set_dates_by_hand(model, rows: list, default: datetime.datetime) -> Iterator[None]:
    """Let bulk_create keep the dates we give instead of now (auto_now(_add) fields); a row
    without one gets `default`, the generator's "now"."""
    changed = [
        (field, field.auto_now_add, field.auto_now)
        for field in model._meta.concrete_fields
        if getattr(field, "auto_now_add", False) or getattr(field, "auto_now", False)
    ]
    for field, _add, _now in changed:
        field.auto_now_add = field.auto_now = False
        for row in rows:
            if getattr(row, field.attname) is None:
                setattr(row, field.attname, default)
    try:
        yield
    finally:
        for field, add, now in changed:
            field.auto_now_add, field.auto_now = add, now


def _batches(items: list, size: int = BATCH) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Generator:
    def __init__(self, *, huishoudens: int, seed: int, peildatum: datetime.date, out=None):
        self.n = huishoudens
        self.seed = seed
        self.rng = random.Random(seed)
        self.peildatum = peildatum
        self.nu = datetime.datetime.combine(peildatum, datetime.time(12), datetime.UTC)
        self.out = out or (lambda text: None)
        self.wachtwoord_hash = make_password(WACHTWOORD, salt=f"regio{seed}")

    # --- helpers -------------------------------------------------------------------
    def dagen_terug(self, maximaal: int, minimaal: int = 0) -> datetime.datetime:
        return self.nu - datetime.timedelta(
            days=self.rng.randint(minimaal, maximaal), minutes=self.rng.randint(0, 600)
        )

    def naam(self) -> tuple[str, str]:
        return self.rng.choice(VOORNAMEN), self.rng.choice(ACHTERNAMEN)

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def bulk(self, model, rows: list) -> list:
        with _set_dates_by_hand(model, rows, self.nu):
            made = []
            for part in _batches(rows):
                made += QuerySet(model=model).bulk_create(part)
        return made

    # --- the run -------------------------------------------------------------------
    def run(self) -> dict[str, int]:
        with transaction.atomic():
            self.organisaties()
            self.gebruikers()
            self.huishoudens()
            self.trajecten()
            self.plannen()
            self.overleggen()
            self.escalaties()
            self.meldcode()
            self.implementatieplannen()
        self.plan_versies()
        self.auditlog()
        return self.telling()

    def telling(self) -> dict[str, int]:
        regio = Regio.objects.get(naam=regio_naam(self.n, self.seed))
        huishoudens = Huishouden.objects.filter(gemeente__regio=regio)
        trajecten = Traject.objects.filter(huishouden__in=huishoudens)
        return {
            "huishoudens": huishoudens.count(),
            "gezinsleden": Gezinslid.objects.filter(huishouden__in=huishoudens).count(),
            "open trajecten": trajecten.exclude(fase=Fase.GESLOTEN).count(),
            "planversies": PlanVersie.objects.filter(plan__traject__in=trajecten).count(),
            "overleggen": Overleg.objects.filter(traject__in=trajecten).count(),
            "genodigden": Genodigde.objects.filter(overleg__traject__in=trajecten).count(),
            "opschalingen": Opschaling.objects.filter(traject__in=trajecten).count(),
            "meldcodedossiers": Dossier.objects.filter(traject__in=trajecten).count(),
            "auditregels": AuditEntry.objects.count(),
        }

    def organisaties(self) -> None:
        self.regio = Regio.objects.create(naam=regio_naam(self.n, self.seed))
        aantal = max(2, min(len(GEMEENTEN), self.n // 5000))
        self.gemeenten = self.bulk(
            Gemeente,
            [Gemeente(naam=f"{g} ({self.regio.pk})", regio=self.regio) for g in GEMEENTEN[:aantal]],
        )
        self.organisaties_ = self.bulk(
            Organisatie,
            [
                Organisatie(naam=f"{soort.label} {g.naam}", soort=soort, gemeente=g)
                for g in self.gemeenten
                for soort in ORG_SOORTEN
            ],
        )
        self.out(f"{len(self.gemeenten)} gemeenten, {len(self.organisaties_)} organisaties")

    def gebruikers(self) -> None:
        """Per 50,000 households 500 procesregisseurs (about 40 open trajecten each), 1,000
        casusregisseurs, a manager, aandachtsfunctionaris and agendahouder per organisation,
        and one privacyfunctionaris, beheerder and regiocoördinator."""
        per_org = {
            Rol.PROCESREGISSEUR: max(1, self.n // 100 // len(self.organisaties_)),
            Rol.CASUSREGISSEUR: max(1, self.n // 50 // len(self.organisaties_)),
            Rol.MANAGER: 1,
            Rol.AANDACHTSFUNCTIONARIS: 1,
            Rol.AGENDAHOUDER: 1,
        }
        users, rollen = [], []
        for i, org in enumerate(self.organisaties_):
            for rol, aantal in per_org.items():
                for j in range(aantal):
                    voornaam, achternaam = self.naam()
                    users.append(
                        User(
                            email=f"{rol.value}.{i}.{j}@regio{self.seed}.test",
                            first_name=voornaam,
                            last_name=achternaam,
                            organisatie=org,
                            password=self.wachtwoord_hash,
                        )
                    )
                    rollen.append(rol)
        for rol in (Rol.PRIVACYFUNCTIONARIS, Rol.BEHEERDER, Rol.REGIOCOORDINATOR):
            users.append(
                User(
                    email=f"{rol.value}@regio{self.seed}.test",
                    first_name="Meet",
                    last_name=rol.label,
                    organisatie=self.organisaties_[0],
                    password=self.wachtwoord_hash,
                )
            )
            rollen.append(rol)
        users = self.bulk(User, users)
        self.bulk(
            RoleAssignment,
            [RoleAssignment(user=u, rol=r) for u, r in zip(users, rollen, strict=True)],
        )
        managers = {
            u.organisatie_id: u for u, r in zip(users, rollen, strict=True) if r == Rol.MANAGER
        }
        for u, r in zip(users, rollen, strict=True):
            if r in (Rol.PROCESREGISSEUR, Rol.CASUSREGISSEUR):
                u.manager = managers[u.organisatie_id]
        User.objects.bulk_update(users, ["manager"], batch_size=BATCH)
        profielen = {
            Rol.PROCESREGISSEUR: Competentieprofiel.PROCES_B,
            Rol.CASUSREGISSEUR: Competentieprofiel.CASUS_A,
        }
        self.bulk(
            Competentie,
            [
                Competentie(user=u, profiel=profielen[r], getraind_op=self.dagen_terug(900).date())
                for u, r in zip(users, rollen, strict=True)
                if r in profielen and self.rng.random() < 0.8
            ],
        )
        for user in users:
            TOTP.activate(user, totp_secret(user.email))
        self.procesregisseurs = [
            u for u, r in zip(users, rollen, strict=True) if r == Rol.PROCESREGISSEUR
        ]
        self.casusregisseurs = [
            u for u, r in zip(users, rollen, strict=True) if r == Rol.CASUSREGISSEUR
        ]
        self.out(f"{len(users)} gebruikers")

    def huishoudens(self) -> None:
        rng = self.rng
        huishoudens = []
        for i in range(self.n):
            voornaam, achternaam = self.naam()
            proces = rng.choice(self.procesregisseurs)
            huishoudens.append(
                Huishouden(
                    naam=f"Familie {achternaam}",
                    adres=f"{rng.choice(STRATEN)} {rng.randint(1, 250)}",
                    postcode=f"{rng.randint(1000, 9999)} {rng.choice('ABCDEFGHJK')}"
                    f"{rng.choice('LMNPRSTVWX')}",
                    woonplaats=self.gemeenten[i % len(self.gemeenten)].naam.split(" (")[0],
                    gemeente=self.gemeenten[i % len(self.gemeenten)],
                    aanspreekvorm=rng.choice(["u", "u", "jij"]),
                    aangemaakt_op=self.dagen_terug(1500),
                    aangemaakt_door=proces,
                )
            )
        self.huishoudens_ = self.bulk(Huishouden, huishoudens)
        leden, netwerk, professionals = [], [], []
        for h in self.huishoudens_:
            achternaam = h.naam.removeprefix("Familie ")
            ouders = rng.choice([1, 2, 2])
            kinderen = rng.choice([0, 1, 1, 2, 2, 3])
            for _o in range(ouders):
                leden.append(self._lid(h, achternaam, RolInGezin.OUDER, 25, 60, ""))
            for _k in range(kinderen):
                gezag = Gezag.BEIDE_OUDERS if ouders == 2 else Gezag.MOEDER
                leden.append(self._lid(h, achternaam, RolInGezin.KIND, 0, 17, gezag))
            for _n in range(rng.choice([0, 1, 1, 2, 3])):
                voornaam, naam = self.naam()
                netwerk.append(
                    Netwerklid(
                        huishouden=h,
                        naam=f"{voornaam} {naam}",
                        rol=rng.choice(["oma", "opa", "buurvrouw", "vriend", "tante"]),
                    )
                )
            for user in rng.sample(self.casusregisseurs, min(2, len(self.casusregisseurs))):
                if rng.random() < 0.7:
                    professionals.append(BetrokkenProfessional(huishouden=h, user=user))
        self.bulk(Gezinslid, leden)
        self.bulk(Netwerklid, netwerk)
        self.bulk(BetrokkenProfessional, professionals)
        self.out(f"{len(self.huishoudens_)} huishoudens, {len(leden)} gezinsleden")

    def _lid(self, h, achternaam, rol, min_leeftijd, max_leeftijd, gezag) -> Gezinslid:
        geboren = self.peildatum - datetime.timedelta(
            days=self.rng.randint(min_leeftijd * 365, max_leeftijd * 365 + 364)
        )
        return Gezinslid(
            huishouden=h,
            voornaam=self.rng.choice(VOORNAMEN),
            achternaam=achternaam,
            geslacht=self.rng.choice("vmv"),
            geboortedatum=geboren,
            rol_in_gezin=rol,
            gezag=gezag,
        )

    def trajecten(self) -> None:
        """One traject per household: 40% open, spread over the phases; 10% of the open
        ones without procesregisseur (they wait on "Mijn trajecten" of whoever registered)."""
        rng = self.rng
        trajecten = []
        for h in self.huishoudens_:
            open_ = rng.random() < 0.4
            fase = rng.choice(OPEN_FASEN) if open_ else Fase.GESLOTEN
            aangemeld = self.dagen_terug(1400, 10)
            veilig = rng.random() < 0.15
            trajecten.append(
                Traject(
                    huishouden=h,
                    fase=fase,
                    fase_sinds=aangemeld + datetime.timedelta(days=rng.randint(0, 9)),
                    vraag="Hulp bij schulden, opvoeding en wonen.",
                    melder_naam="Wijkteam",
                    zorgen_veiligheid=veilig,
                    aangemeld_op=aangemeld,
                    aangemeld_door=h.aangemaakt_door,
                    besluit_start=None if fase in (Fase.AANMELDING, Fase.INTAKE) else True,
                    gesloten_op=None if open_ else aangemeld + datetime.timedelta(days=200),
                )
            )
        self.trajecten_ = self.bulk(Traject, trajecten)
        betrokkenen, overgangen, niveaus = [], [], []
        for t in self.trajecten_:
            open_ = t.fase != Fase.GESLOTEN
            tot = None if open_ else t.gesloten_op.date()
            # The first open traject always has one: the large plan's (see `meetdoelen`).
            if not open_ or rng.random() < 0.9 or not betrokkenen:
                betrokkenen.append(
                    TrajectBetrokkene(
                        traject=t,
                        user=t.aangemeld_door,
                        rol=TrajectRol.PROCESREGISSEUR,
                        vanaf=t.aangemeld_op.date(),
                        tot=tot,
                    )
                )
            for casus in rng.sample(
                self.casusregisseurs, min(len(self.casusregisseurs), rng.choice([1, 1, 2]))
            ):
                betrokkenen.append(
                    TrajectBetrokkene(
                        traject=t,
                        user=casus,
                        rol=TrajectRol.CASUSREGISSEUR,
                        vanaf=t.aangemeld_op.date(),
                        tot=tot,
                        leefgebieden=["wonen"],
                    )
                )
            fasen = [f for f in Fase][: Fase.values.index(t.fase) + 1]
            for van, naar in zip(["", *fasen], fasen, strict=False):
                overgangen.append(
                    FaseOvergang(
                        traject=t, van=van, naar=naar, door=t.aangemeld_door, op=t.aangemeld_op
                    )
                )
            if open_:
                niveaus.append(
                    TrajectNiveau(traject=t, nummer=rng.choice([1, 2, 2, 3, 3, 3, 4, 5]))
                )
        self.bulk(TrajectBetrokkene, betrokkenen)
        self.bulk(FaseOvergang, overgangen)
        self.bulk(TrajectNiveau, niveaus)
        self.out(f"{len(self.trajecten_)} trajecten, {len(betrokkenen)} regisseurs")

    def _met_plan(self) -> list:
        voorbij = {Fase.AANMELDING, Fase.INTAKE}
        return [t for t in self.trajecten_ if t.fase not in voorbij]

    def plannen(self) -> None:
        rng = self.rng
        trajecten = self._met_plan()
        plannen = self.bulk(
            Ondersteuningsplan,
            [
                Ondersteuningsplan(
                    traject=t,
                    aanleiding="Schulden en zorgen over de opvoeding.",
                    integrale_analyse="Meerdere leefgebieden hangen samen.",
                    gewenst_resultaat="Rust in huis en een stabiel inkomen.",
                    zorgen_veiligheid=t.zorgen_veiligheid,
                    bijgewerkt_door=t.aangemeld_door,
                )
                for t in trajecten
            ],
        )
        groot = next(
            (p.pk for p in plannen if p.traject.fase not in (Fase.GESLOTEN, Fase.AANMELDING)),
            plannen[0].pk,
        )
        doelen = []
        for plan in plannen:
            aantal = GROTE_PLAN_DOELEN if plan.pk == groot else rng.randint(1, 5)
            doelen += [
                Doel(plan=plan, tekst=f"Doel {d + 1}: de schulden zijn geregeld.", volgorde=d)
                for d in range(aantal)
            ]
        doelen = self.bulk(Doel, doelen)
        acties = []
        for doel in doelen:
            for _a in range(rng.randint(1, 3)):
                acties.append(
                    Actie(
                        doel=doel,
                        wat="Afspraak maken met de schuldhulpverlening.",
                        wie_user=rng.choice(self.casusregisseurs),
                        wanneer=self.peildatum + datetime.timedelta(days=rng.randint(-60, 90)),
                        status=rng.choice(
                            [ActieStatus.OPEN, ActieStatus.BEZIG, ActieStatus.GEDAAN]
                        ),
                    )
                )
        self.bulk(Actie, acties)
        veilig = [p for p in plannen if p.zorgen_veiligheid]
        vps = self.bulk(
            Veiligheidsplan,
            [
                Veiligheidsplan(
                    plan=p,
                    grootste_zorg="Escalerende ruzies waar de kinderen bij zijn.",
                    bestaande_veiligheid="Oma vangt de kinderen op.",
                )
                for p in veilig
            ],
        )
        self.bulk(
            Veiligheidsafspraak,
            [
                Veiligheidsafspraak(
                    veiligheidsplan=vp,
                    minimaal="Geen ruzie waar de kinderen bij zijn.",
                    concreet="Bij spanning gaat vader een uur wandelen.",
                )
                for vp in vps
                for _i in range(rng.randint(1, 3))
            ],
        )
        self.bulk(
            Schaalscore,
            [
                Schaalscore(
                    veiligheidsplan=vp,
                    overleg="Startoverleg",
                    datum=self.peildatum - datetime.timedelta(days=rng.randint(10, 300)),
                    naam=rng.choice(VOORNAMEN),
                    score=rng.randint(2, 9),
                )
                for vp in vps
                for _i in range(rng.randint(2, 4))
            ],
        )
        self.plannen_ = plannen
        self.out(f"{len(plannen)} plannen, {len(doelen)} doelen, {len(acties)} acties")

    def overleggen(self) -> None:
        """1.2 meetings per household: a startoverleg for each traject past phase 3a and
        voortgangsoverleggen after it; 5.5 invitees each."""
        rng = self.rng
        leden = {}
        for lid in Gezinslid.objects.filter(huishouden__in=self.huishoudens_).only(
            "huishouden_id", "voornaam", "achternaam"
        ):
            leden.setdefault(lid.huishouden_id, []).append(lid)
        voorbij = {Fase.AANMELDING, Fase.INTAKE, Fase.STARTOVERLEG_VOORBEREIDEN}
        overleggen = []
        doel = int(self.n * 1.2)
        trajecten = [t for t in self.trajecten_ if t.fase not in voorbij]
        per_traject = max(1, round(doel / max(1, len(trajecten))))
        for t in trajecten:
            for k in range(per_traject):
                datum = t.aangemeld_op.date() + datetime.timedelta(days=30 + 60 * k)
                gehouden = datum < self.peildatum
                overleggen.append(
                    Overleg(
                        traject=t,
                        soort=OverlegSoort.STARTOVERLEG
                        if k == 0
                        else OverlegSoort.VOORTGANGSOVERLEG,
                        datum=datum,
                        begin=datetime.time(10),
                        eind=datetime.time(11, 30),
                        locatie="Wijkcentrum",
                        voorzitter=t.aangemeld_door,
                        status=OverlegStatus.GEHOUDEN if gehouden else OverlegStatus.GEPLAND,
                        aangemaakt_door=t.aangemeld_door,
                        aangemaakt_op=t.aangemeld_op,
                        uid=self.uuid(),
                    )
                )
        overleggen = self.bulk(Overleg, overleggen)
        genodigden = []
        for o in overleggen:
            for lid in leden.get(o.traject.huishouden_id, [])[:3]:
                genodigden.append(
                    self._genodigde(o, f"{lid.voornaam} {lid.achternaam}", GenodigdeSoort.KLANT)
                )
            for _p in range(rng.choice([2, 3, 3])):
                voornaam, achternaam = self.naam()
                genodigden.append(
                    self._genodigde(o, f"{voornaam} {achternaam}", GenodigdeSoort.PROFESSIONAL)
                )
        self.bulk(Genodigde, genodigden)
        self.out(f"{len(overleggen)} overleggen, {len(genodigden)} genodigden")

    def _genodigde(self, overleg, naam, soort) -> Genodigde:
        return Genodigde(
            overleg=overleg,
            naam=naam,
            email=f"{naam.split()[0].lower()}.{self.rng.getrandbits(32):x}@voorbeeld.test",
            soort=soort,
            token=f"{self.rng.getrandbits(256):064x}",
        )

    def escalaties(self) -> None:
        """5,000 escalations per 50,000 households; a third still open at the manager."""
        rng = self.rng
        open_ = [t for t in self.trajecten_ if t.fase != Fase.GESLOTEN]
        gekozen = rng.sample(open_, min(len(open_), self.n // 10))
        orgs = {u.pk: u.organisatie_id for u in self.procesregisseurs}
        managers = dict(
            User.objects.filter(
                role_assignments__rol=Rol.MANAGER, organisatie__in=self.organisaties_
            ).values_list("organisatie_id", "pk")
        )
        beoordelingen = self.bulk(
            Beoordeling,
            [
                Beoordeling(
                    traject=t,
                    door=t.aangemeld_door,
                    op=self.dagen_terug(365),
                    niveau=2,
                    advies_niveau=3,
                )
                for t in gekozen
            ],
        )
        opschalingen = []
        for t, b in zip(gekozen, beoordelingen, strict=True):
            naar_manager = rng.random() < 0.5
            opgelost = naar_manager and rng.random() < 0.4
            org = orgs[t.aangemeld_door_id]
            opschalingen.append(
                Opschaling(
                    traject=t,
                    beoordeling=b,
                    van_niveau=2,
                    naar_niveau=3,
                    richting=Richting.OPSCHALEN,
                    naar_manager=naar_manager,
                    criteria=["D", "Z", "B"],
                    advies_niveau=3,
                    advies_gevolgd=True,
                    vraag_manager="Er is stagnatie: wilt u meekijken?" if naar_manager else "",
                    door=t.aangemeld_door,
                    op=b.op,
                    organisatie_id=org,
                    manager_id=managers.get(org),
                    gemeente_id=t.huishouden.gemeente_id,
                    opgelost_op=b.op + datetime.timedelta(days=14) if opgelost else None,
                    opgelost_door_id=managers.get(org) if opgelost else None,
                    oplossing="Extra inzet afgesproken." if opgelost else "",
                )
            )
        self.bulk(Opschaling, opschalingen)
        self.out(f"{len(opschalingen)} opschalingen")

    def meldcode(self) -> None:
        """A meldcode dossier for one in ten trajecten with safety concerns."""
        veilig = [t for t in self.trajecten_ if t.zorgen_veiligheid and self.rng.random() < 0.1]
        self.bulk(
            Dossier,
            [
                Dossier(
                    traject=t,
                    eigenaar=t.aangemeld_door,
                    aanleiding=Aanleiding.AANMELDING,
                    geopend_door=t.aangemeld_door,
                    geopend_op=t.aangemeld_op,
                )
                for t in veilig
            ],
        )
        self.out(f"{len(veilig)} meldcodedossiers")

    def implementatieplannen(self) -> None:
        """The default checklist (001) as a plan for the region, every gemeente and every
        organisation, made through the service as their owners make them, with about half
        the items done."""
        sjabloon = Sjabloon.objects.get(sleutel="001-implementatieplan-2025")
        eigenaren = {
            r: User.objects.filter(role_assignments__rol=r, organisatie__in=self.organisaties_)
            .order_by("pk")
            .first()
            for r in (Rol.REGIOCOORDINATOR, Rol.AGENDAHOUDER)
        }
        aandacht = {
            u.organisatie_id: u
            for u in User.objects.filter(
                role_assignments__rol=Rol.AANDACHTSFUNCTIONARIS,
                organisatie__in=self.organisaties_,
            )
        }
        scopes = [(Scope(Niveau.REGIO, self.regio.pk), eigenaren[Rol.REGIOCOORDINATOR])]
        scopes += [(van_gemeente(g), eigenaren[Rol.AGENDAHOUDER]) for g in self.gemeenten]
        scopes += [(van_organisatie(o), aandacht[o.pk]) for o in self.organisaties_]
        for scope, door in scopes:
            plan_create(sjabloon=sjabloon, scope=scope, door=door, jaar=self.peildatum.year)
        items = list(
            PlanItem.objects.filter(ronde__plan__regio_id=self.regio.pk).values_list(
                "pk", flat=True
            )
        )
        gereed = [pk for pk in items if self.rng.random() < 0.5]
        PlanItem.objects.filter(pk__in=gereed).update(status=ItemStatus.GEREED)
        self.out(f"{len(scopes)} implementatieplannen, {len(items)} items")

    def plan_versies(self) -> None:
        """0.6 versions per household, each the real snapshot of its plan (what a version
        page shows), one plan at a time as `plan_fix` does, in transactions of BATCH."""
        doel = int(self.n * 0.6)
        plannen = self.plannen_
        per_plan = max(1, round(doel / max(1, len(plannen))))
        made = 0
        for part in _batches(plannen):
            versies = []
            for plan in part:
                inhoud = snapshot(plan_with_everything(plan.pk))
                for nummer in range(1, per_plan + 1):
                    versies.append(
                        PlanVersie(
                            plan=plan,
                            nummer=nummer,
                            overleg="Startoverleg" if nummer == 1 else "Voortgangsoverleg",
                            vastgesteld_door_id=plan.bijgewerkt_door_id,
                            vastgesteld_op=self.dagen_terug(600),
                            inhoud=inhoud,
                            inhoud_hash=content_hash(inhoud),
                        )
                    )
            with transaction.atomic():
                self.bulk(PlanVersie, versies)
            made += len(versies)
        self.out(f"{made} planversies")

    def auditlog(self) -> None:
        """40 rows per household, appended to the existing chain with the same HMAC."""
        rng = self.rng
        gebruikers = self.procesregisseurs + self.casusregisseurs
        totaal = self.n * 40
        gedaan = 0
        # Timestamps rise with the chain position over the last 700 days, as a real log's do.
        begin = self.nu - datetime.timedelta(days=700)
        stap = datetime.timedelta(days=700) / max(1, totaal)
        while gedaan < totaal:
            with transaction.atomic():
                chain_lock("default")
                head = AuditEntry.objects.aggregate(m=Max("chain_seq"))["m"] or 0
                vorige = (
                    AuditEntry.objects.filter(chain_seq=head)
                    .values_list("chain_hash", flat=True)
                    .first()
                    or ""
                )
                rows = []
                for i in range(min(20_000, totaal - gedaan)):
                    user = rng.choice(gebruikers)
                    h = rng.choice(self.huishoudens_)
                    values = {
                        "chain_seq": head + i + 1,
                        "timestamp": begin + stap * (gedaan + i),
                        "user_id": user.pk,
                        "user_email": user.email,
                        "role": Rol.PROCESREGISSEUR.value,
                        "organisation_id": user.organisatie_id,
                        "organisation_name": "",
                        "household_id": h.pk,
                        "person_id": None,
                        "action": AuditActie.READ.value,
                        "object_type": "huishoudens.Huishouden",
                        "object_id": str(h.pk),
                        "outcome": AuditUitkomst.ALLOWED.value,
                        "ip_address": "10.0.0.1",
                        "path": f"/huishoudens/{h.pk}/",
                        "detail": "",
                    }
                    vorige = chain_digest(key=settings.AUDIT_KEY, previous=vorige, values=values)
                    rows.append(AuditEntry(**values, chain_hash=vorige))
                QuerySet(model=AuditEntry).bulk_create(rows, batch_size=5000)
            gedaan += len(rows)
        assert set(CHAINED_FIELDS) <= set(values)
        self.out(f"{gedaan} auditregels")


def genereer(*, huishoudens: int, seed: int, peildatum: datetime.date | None = None, out=None):
    """Generate the region unless it exists; returns the counts (a dict) or None if reused."""
    if Regio.objects.filter(naam=regio_naam(huishoudens, seed)).exists():
        return None
    generator = Generator(
        huishoudens=huishoudens,
        seed=seed,
        peildatum=peildatum or timezone.localdate(),
        out=out,
    )
    return generator.run()
