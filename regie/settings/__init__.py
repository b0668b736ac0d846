"""Settings for Regie, read from the environment with safe development defaults.

Split by concern: ``base`` (apps, database, templates, i18n), ``auth`` (login, MFA,
lockout, session lifetimes), ``security`` (headers, cookies, CSP) and ``tasks``
(Celery and e-mail). Every value can be set through an environment variable; see
README.md "Configuratie".
"""

from .auth import *  # noqa: F403
from .base import *  # noqa: F403
from .security import *  # noqa: F403
from .tasks import *  # noqa: F403
