"""The load test of scripts/bench.sh (issue #15), run by locust from .venv-bench.

Two modes (BENCH_MODUS):
- `alleen`: one user opens every page in turn, BENCH_RONDES times, without think time:
  each page's own time, and the floor (a minimal logged-in page) in the same run.
- `last`: many users (locust's -u) go round the same pages with 1-3 s think time, as people
  at work do, each page as the persona that opens it in `alleen`.

Accounts and ids come from `manage.py meetdoelen` (BENCH_DOELEN, a JSON file). Every
account signs in with password and TOTP, as in production.
"""

import json
import os
import random
import re
import time
from pathlib import Path

import pyotp
from gevent.lock import Semaphore
from locust import HttpUser, between, constant, task
from locust.clients import HttpSession
from paginas import pagina_s  # scripts/bench/paginas.py: locust puts this folder on the path

DOELEN = json.loads(Path(os.environ["BENCH_DOELEN"]).read_text())
MODUS = os.environ.get("BENCH_MODUS", "alleen")
RONDES = int(os.environ.get("BENCH_RONDES", "30"))
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
REVISIE = re.compile(r'action="[^"]*/plan/teksten/"[\s\S]*?name="revisie" value="(\d+)"')
_aangemeld: dict[str, dict] = {}
_slot = Semaphore()


def _cookies(persona: str, account: dict, session: HttpSession) -> dict:
    """Each persona signs in once per run; every simulated user shares its session (Django
    serves one session to many clients), so 20 users stay under allauth's 30 sign-ins a
    minute per address."""
    with _slot:
        if persona not in _aangemeld:
            aanmelden(session, account)
            _aangemeld[persona] = session.cookies.get_dict()
    return _aangemeld[persona]


def aanmelden(session: HttpSession, account: dict) -> None:
    page = session.get("/account/login/", name="(aanmelden)")
    token = CSRF.search(page.text).group(1)
    response = session.post(
        "/account/login/",
        {"csrfmiddlewaretoken": token, "login": account["email"], "password": DOELEN["wachtwoord"]},
        name="(aanmelden)",
    )
    totp = pyotp.TOTP(account["totp"])
    for _poging in range(2):
        # allauth accepts only the current window's code, once: a code typed near the end of
        # its window, or one already used, fails; wait for the next window and try again.
        if totp.interval - time.time() % totp.interval < 3:
            time.sleep(4)
        token = CSRF.search(response.text).group(1)
        response = session.post(
            "/account/2fa/authenticate/",
            {"csrfmiddlewaretoken": token, "code": totp.now()},
            name="(aanmelden)",
        )
        if "/account/" not in response.url:
            return
        time.sleep(totp.interval - time.time() % totp.interval + 0.5)
    if "/account/" in response.url:
        raise RuntimeError(f"aanmelden mislukt voor {account['email']}: {response.url}")


class Regisseur(HttpUser):
    wait_time = constant(0) if MODUS == "alleen" else between(1, 3)

    def on_start(self):
        self.sessies = {}
        personas = {k: v for k, v in DOELEN.items() if isinstance(v, dict) and "email" in v}
        for persona, account in personas.items():
            session = HttpSession(self.host, self.environment.events.request, self)
            session.cookies.update(_cookies(persona, account, session))
            self.sessies[persona] = session
        self.pages = pagina_s(DOELEN)
        # Under load each user starts at another page of the round, as people do; all
        # starting at the floor and the plan save made a burst that the floor paid for.
        self.ronde = 0 if MODUS == "alleen" else random.randrange(len(self.pages))

    def _open(self, persona, name, url):
        with self.sessies[persona].get(url, name=name, catch_response=True) as response:
            if response.status_code != 200 or "/account/login" in response.url:
                response.failure(f"{response.status_code} {response.url}")

    def plan_opslaan(self):
        g = DOELEN["groot_plan"]
        session = self.sessies["groot_plan"]
        page = session.get(f"/trajecten/{g['traject']}/plan/", name="(plan laden voor opslaan)")
        revisie = REVISIE.search(page.text)
        token = CSRF.search(page.text)
        if not (revisie and token):
            return
        with session.post(
            f"/trajecten/{g['traject']}/plan/teksten/",
            {
                "csrfmiddlewaretoken": token.group(1),
                "revisie": revisie.group(1),
                "aanleiding": f"Schulden en zorgen over de opvoeding ({self.ronde}).",
                "integrale_analyse": "Meerdere leefgebieden hangen samen.",
                "gewenst_resultaat": "Rust in huis en een stabiel inkomen.",
                "zorgen_veiligheid": "unknown",
                "samenvatting": "",
            },
            name="plan opslaan (POST)",
            # The save itself; the plan page it leads to is measured as a page of its own.
            allow_redirects=False,
            catch_response=True,
        ) as response:
            # 409: two people saved the same plan at once; Regie keeps both texts (correct).
            if response.status_code in (200, 302, 409):
                response.success()
            else:
                response.failure(str(response.status_code))

    @task
    def rondgang(self):
        if MODUS == "alleen":
            for persona, name, url in self.pages:
                self._open(persona, name, url)
            self.plan_opslaan()
            self.ronde += 1
            if self.ronde >= RONDES:
                self.environment.runner.quit()
            return
        persona, name, url = self.pages[self.ronde % len(self.pages)]
        self._open(persona, name, url)
        if self.ronde % len(self.pages) == 0:
            self.plan_opslaan()
        self.ronde += 1
