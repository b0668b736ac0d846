"""The pages scripts/bench.sh measures (issue #15), shared by the load test
(locustfile.py) and the in-process breakdown (ontleding.py)."""

import json
import os


def pagina_s(d: dict) -> list[tuple[str, str, str]]:
    """(persona, name, url) of every page measured; the floor first."""
    p, g = d["procesregisseur"], d["groot_plan"]
    pages = [
        ("privacyfunctionaris", "vloer: startpagina zonder inhoud", "/"),
        ("procesregisseur", "Mijn trajecten", "/"),
        ("procesregisseur", "trajectpagina", f"/trajecten/{p['traject']}/"),
        ("procesregisseur", "huishoudpagina", f"/huishoudens/{p['huishouden']}/"),
        ("procesregisseur", "zoeken 'Jansen'", "/huishoudens/?q=Jansen"),
        ("procesregisseur", "regiekaart van het traject", f"/trajecten/{p['traject']}/regiekaart/"),
        (
            "groot_plan",
            f"planpagina, groot plan ({g['doelen']} doelen)",
            f"/trajecten/{g['traject']}/plan/",
        ),
        ("casusregisseur", "Mijn acties", "/acties/"),
        ("manager", "escalaties (manager)", "/escalaties/"),
        ("privacyfunctionaris", "auditlog", "/privacy/auditlog/"),
        (
            "privacyfunctionaris",
            "auditlog, zoeken op gebruiker",
            "/privacy/auditlog/?gebruiker=" + d["procesregisseur"]["email"],
        ),
        ("beheerder", "beheer: gebruikers", "/beheer/gebruikers/"),
    ]
    a = d["aandachtsfunctionaris"]
    pages += [
        ("aandachtsfunctionaris", "monitoring (organisatie)", "/implementatie/monitoring/"),
        (
            "aandachtsfunctionaris",
            "implementatieplan",
            f"/implementatie/plannen/{a['implementatieplan']}/",
        ),
        ("regiocoordinator", "monitoring (regio)", "/implementatie/monitoring/"),
        ("regiocoordinator", "overzicht regio (implementatie)", "/implementatie/overzicht/"),
    ]
    if d.get("meldcode"):
        pages.append(
            ("meldcode", "meldcodedossier", f"/meldcode/dossiers/{d['meldcode']['dossier']}/")
        )
    for persona, name, url in json.loads(os.environ.get("BENCH_EXTRA", "[]")):
        pages.append((persona, name, url))
    return pages
