"""Check the audit log's hash chain (issue #11; see regie/models/audit.py).

    manage.py audit_verify [--kop POSITIE:HASH]

Walks the log in id order and reports every hole (removed rows, named by their positions)
and every changed row (by id), then prints the number of rows and the head: the last
position and its hash. Exits with status 1 on any finding.
"""

from django.core.management.base import BaseCommand, CommandError

from regie.models import AuditEntry
from regie.models.audit import chain_verify


class Command(BaseCommand):
    help = (
        "Controleert de hashketen van het auditlog: meldt elk gat (verwijderde regels) en "
        "elke gewijzigde regel, en toont het aantal regels en de kophash. Sluit af met "
        "status 1 bij een bevinding. Het verwijderen van de nieuwste regels laat geen gat "
        "achter: noteer de kop (positie en hash) daarom elders, buiten de database, en "
        "controleer later met --kop POSITIE:HASH dat die regel er nog onveranderd is."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--kop",
            action="append",
            default=[],
            metavar="POSITIE:HASH",
            help="een eerder genoteerde kop die nog in de keten moet staan (herhaalbaar)",
        )

    def handle(self, *args, kop, **options):
        report = chain_verify()
        findings = list(report.findings)
        for recorded in kop:
            seq, _, expected = recorded.partition(":")
            if not seq.isdigit() or not expected:
                raise CommandError(f"--kop verwacht POSITIE:HASH, niet {recorded!r}.")
            row = AuditEntry.objects.filter(chain_seq=int(seq)).values("id", "chain_hash").first()
            if row is None:
                findings.append(f"Kop: positie {seq} staat niet meer in het auditlog.")
            elif row["chain_hash"] != expected:
                findings.append(f"Kop: regel {row['id']} op positie {seq} heeft een andere hash.")
        for finding in findings:
            self.stdout.write(self.style.ERROR(finding))
        self.stdout.write(f"Regels: {report.count}")
        self.stdout.write(f"Kop: {report.head_seq}:{report.head_hash}")
        if findings:
            raise CommandError(f"Het auditlog is niet intact: {len(findings)} bevinding(en).")
        self.stdout.write(self.style.SUCCESS("Het auditlog is intact."))
