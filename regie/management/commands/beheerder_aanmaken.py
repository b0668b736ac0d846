"""Create the first beheerder of a fresh installation (there is no Django admin).

    manage.py beheerder_aanmaken --email ... --voornaam ... --achternaam ...
        --organisatie "Gemeente Gouda" --gemeente Gouda --regio "Hollands Midden"

The organisation, municipality and region are created when missing. The account has no
password: the command prints the invitation link (and e-mails it) to choose one.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from regie.constants import OrganisatieSoort, Rol
from regie.models import Gemeente, Organisatie, Regio, User
from regie.services import invitation_url, user_create


class Command(BaseCommand):
    help = "Maakt een beheerder aan en toont de link om een wachtwoord te kiezen."

    def add_arguments(self, parser):
        for name in ("email", "voornaam", "achternaam", "organisatie", "gemeente", "regio"):
            parser.add_argument(f"--{name}", required=True)

    @transaction.atomic
    def handle(self, *args, **o):
        if User.objects.filter(email__iexact=o["email"]).exists():
            raise CommandError(f"Er bestaat al een account met e-mailadres {o['email']}.")
        regio, _ = Regio.objects.get_or_create(naam=o["regio"])
        gemeente, _ = Gemeente.objects.get_or_create(naam=o["gemeente"], defaults={"regio": regio})
        organisatie, _ = Organisatie.objects.get_or_create(
            naam=o["organisatie"], gemeente=gemeente, defaults={"soort": OrganisatieSoort.GEMEENTE}
        )
        user = user_create(
            email=o["email"].lower(),
            first_name=o["voornaam"],
            last_name=o["achternaam"],
            organisatie=organisatie,
            rollen=[Rol.BEHEERDER],
        )
        self.stdout.write(self.style.SUCCESS(f"Beheerder {user.email} is aangemaakt."))
        self.stdout.write(
            f"Link om een wachtwoord te kiezen (drie dagen geldig):\n{invitation_url(user)}"
        )
