"""Handing work to Celery without letting a broker outage break the request.

The row that describes the work (a `Bericht`, a `PlanPdf`) is written first, in the
request's transaction; after commit the task is queued. If the broker (Redis) is down, the
queueing fails fast, is logged, and the row stays pending: the periodic sweeps in
`regie.tasks.sweep_outbox` and `plannen.tasks.sweep_pdfs` queue it again later. Tasks are
idempotent, so a row queued twice is still handled once.
"""

import logging

from django.db import transaction

logger = logging.getLogger(__name__)


def dispatch(task, *args) -> bool:
    try:
        task.apply_async(args, retry=False)
    except Exception:  # noqa: BLE001 - kombu/redis raise various connection errors
        logger.warning(
            "Taak %s(%s) niet in de wachtrij gezet; de sweep probeert het later opnieuw.",
            task.name,
            args,
            exc_info=True,
        )
        return False
    return True


def dispatch_on_commit(task, *args) -> None:
    transaction.on_commit(lambda: dispatch(task, *args))
