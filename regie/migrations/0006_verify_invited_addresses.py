"""Issue #11: invited professionals who chose a password through their invitation link
before the fix were left with an unverified EmailAddress, and allauth refuses TOTP
enrolment while an address is unverified, so they loop on the enrolment page.

Passwords in Regie are only ever set through the link mailed to the account's address, so
an account with a usable password has proven that address: mark it verified (the same as
regie.auth_forms.InvitationPasswordForm now does when the link is followed).
"""

from django.contrib.auth.hashers import is_password_usable
from django.db import migrations


def verify_proven_addresses(apps, schema_editor):
    EmailAddress = apps.get_model("account", "EmailAddress")
    for address in EmailAddress.objects.filter(verified=False).select_related("user"):
        user = address.user
        if is_password_usable(user.password) and address.email.lower() == user.email.lower():
            address.verified = True
            address.save(update_fields=["verified"])


class Migration(migrations.Migration):
    dependencies = [
        ("regie", "0005_auditentry_chain"),
        ("account", "0009_emailaddress_unique_primary_email"),
    ]

    operations = [migrations.RunPython(verify_proven_addresses, migrations.RunPython.noop)]
