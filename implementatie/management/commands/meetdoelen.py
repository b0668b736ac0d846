"""Print, as JSON, the accounts and ids a load test uses in a generated region (issue #15)."""

import json

from django.core.management.base import BaseCommand

from implementatie.meetdoelen import meetdoelen


class Command(BaseCommand):
    help = "Toont de accounts en nummers die de belastingtest in een meetregio gebruikt (JSON)."

    def add_arguments(self, parser):
        parser.add_argument("--huishoudens", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, huishoudens, seed, **options):
        self.stdout.write(json.dumps(meetdoelen(huishoudens=huishoudens, seed=seed), indent=2))
