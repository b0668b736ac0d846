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

This module makes the organisations, people, households and trajecten; what happens in the
trajecten (plans, meetings, escalations, meldcode, versions, audit log) is `regio_inhoud`,
and the names come from `regio_namen`.
"""

from __future__ import annotations

import base64
import contextlib
import datetime
import hashlib
import random
import uuid
from collections.abc import Iterator

from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import QuerySet
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
from meldcode.models import Dossier
from plannen.models import (
    Genodigde,
    Overleg,
    PlanVersie,
)
from regie.constants import Competentieprofiel, OrganisatieSoort, Rol
from regie.models import (
    AuditEntry,
    Competentie,
    Gemeente,
    Organisatie,
    Regio,
    RoleAssignment,
    User,
)
from regiekaart.models import Opschaling, TrajectNiveau

from .regio_inhoud import BATCH, Inhoud, batches
from .regio_namen import ACHTERNAMEN, GEMEENTEN, STRATEN, VOORNAMEN

WACHTWOORD = "regio-meten-2026"

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


class Generator(Inhoud):
    """The region's organisations, people, households and trajecten (here) and what
    happens in the trajecten (`regio_inhoud.Inhoud`)."""

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
            for part in batches(rows):
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
