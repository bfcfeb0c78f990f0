"""Every database starts with the 97 province-level units (lib/units.py)."""

from django.db import migrations


def load(apps, schema_editor):
    from hoptac.localities.services import localities_load

    localities_load(apps.get_model("localities", "Locality"), apps.get_model("localities", "LocalityName"))


class Migration(migrations.Migration):
    dependencies = [("localities", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
