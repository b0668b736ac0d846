"""Choices of the meldcode (seed 002 ch. 2 and ch. 7; the texts themselves are data in
meldcode/data/meldcode.json)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DossierStatus(models.TextChoices):
    OPEN = "open", _("Open")
    GESLOTEN = "gesloten", _("Gesloten")


class Aanleiding(models.TextChoices):
    """Where the dossier was opened from: 'op ieder moment en tijdens elke fase'."""

    TRAJECT = "traject", _("Vanuit het traject")
    SIGNAAL = "signaal", _("Vanuit een veiligheidssignaal")
    AANMELDING = "aanmelding", _("Vanuit de veiligheidscheck bij de aanmelding")


class Vorm(models.TextChoices):
    """Stap 0: the forms of huiselijk geweld (several may apply)."""

    PARTNERGEWELD = "partnergeweld", _("Partnergeweld")
    KINDERMISHANDELING = "kindermishandeling", _("Kindermishandeling")
    OUDERENMISHANDELING = "ouderenmishandeling", _("Ouderenmishandeling")
    EERGERELATEERD = "eergerelateerd", _("Eergerelateerd geweld")
    MEISJESBESNIJDENIS = "meisjesbesnijdenis", _("Meisjesbesnijdenis")


class Check(models.TextChoices):
    """Stap 1 action 7: the check where an adult's situation can harm children or a partner."""

    NVT = "nvt", _("Niet van toepassing")
    KINDCHECK = "kindcheck", _("Kindcheck")
    MANTELZORGCHECK = "mantelzorgcheck", _("Mantelzorgcheck")


class Instrument(models.TextChoices):
    """Stap 1 action 8: "Zet deze taxatie instrumenten alleen in wanneer je hierop bent
    geschoold." Offered only to users with that training recorded (InstrumentScholing)."""

    CFRA = "cfra", _("CFRA (risicotaxatie)")
    ARIJ = "arij", _("ARIJ (risico- en veiligheidstaxatie)")
    DELTA = "delta", _("Delta Veiligheidslijst (veiligheidstaxatie)")


class GebeurtenisSoort(models.TextChoices):
    """'Als zorgen blijven' (002 ch. 2): events on an open dossier. `vraagt_melding` tells
    which ones always require a melding bij Veilig Thuis."""

    ZORGEN_BLIJVEN = "zorgen_blijven", _("Signalen en zorgen blijven of doen zich opnieuw voor")
    HULP_GEWEIGERD = "hulp_geweigerd", _("De klant(en) weigert iedere hulp")
    VERHUISD_OVERDRACHT = (
        "verhuisd_overdracht",
        _("Verhuisd naar een andere gemeente, warm overgedragen met toestemming"),
    )
    VERHUISD_ZONDER_TOESTEMMING = (
        "verhuisd_zonder",
        _("Verhuisd naar een andere gemeente, geen toestemming voor overdracht"),
    )
    VT_TERUGKOPPELING = "vt_terugkoppeling", _("Terugkoppeling van Veilig Thuis ontvangen")
    VT_OVERGEDRAGEN = (
        "vt_overgedragen",
        _("Al bekend bij Veilig Thuis: overgedragen aan Veilig Thuis in de nieuwe woonplaats"),
    )

    @property
    def vraagt_melding(self) -> bool:
        # "... weigert iedere hulp, dan doe je altijd een melding"; "Wanneer de klant(en)
        # geen toestemming geeft voor overdracht, dan doe je een melding" (002 ch. 2).
        return self in (
            GebeurtenisSoort.HULP_GEWEIGERD,
            GebeurtenisSoort.VERHUISD_ZONDER_TOESTEMMING,
        )


class Sluitreden(models.TextChoices):
    DUURZAME_VEILIGHEID = "duurzaam_veilig", _("Duurzame veiligheid bereikt")
    GEEN_VERMOEDEN = "geen_vermoeden", _("Geen vermoeden van huiselijk geweld (afweging 1)")
    GESTOPT = "gestopt", _("Gestopt met het doorlopen van de stappen")
    OVERGEDRAGEN = "overgedragen", _("Overgedragen (verhuizing of Veilig Thuis)")


class AfschermReden(models.TextChoices):
    """Inzage may be limited for these reasons (002 ch. 7)."""

    VEILIGHEID = "veiligheid", _("Bedreiging van iemands veiligheid")
    PRIVACY_DERDE = "privacy_derde", _("Privacy van een derde (bijvoorbeeld een geheim adres)")
    BELANG_KIND = "belang_kind", _("Zwaarwegend belang van het kind")
