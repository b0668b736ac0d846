"""What happens in the trajecten of a generated region (issue #15, `regio_generator`): plans
with goals and actions, meetings with invitees, Veiligheidsplannen, escalations, meldcode
dossiers, implementation plans, fixed plan versions and the chained audit log.

`Inhoud` is the part of `regio_generator.Generator` that writes them; it uses the
generator's random source, clock and bulk writer (`self.rng`, `self.nu`, `self.bulk`) and the
households, trajecten and people the generator made first.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models import Max, QuerySet

from huishoudens.constants import Fase
from huishoudens.models import (
    Gezinslid,
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
from regie.constants import AuditActie, AuditUitkomst, Rol
from regie.models import (
    AuditEntry,
    User,
)
from regie.models.audit import CHAINED_FIELDS, chain_digest, chain_lock
from regiekaart.constants import Richting
from regiekaart.models import Beoordeling, Opschaling

from .regio_namen import VOORNAMEN

BATCH = 2000
GROTE_PLAN_DOELEN = 23  # the "large plan" of the measurement


def batches(items: list, size: int = BATCH) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Inhoud:
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
        for part in batches(plannen):
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
