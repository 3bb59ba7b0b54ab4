"""Create a workshop with N participant accounts and write their sign-in details to a file.

For the workshop rehearsal (bench/workshop_rehearsal.py, bench/locustfile.py) against a
throwaway or staging database: never run it on a real portal, as it writes the temporary
passwords to disk.
"""

import json
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from kim.models import Region, RegionLevel
from kim.roles import Role
from workshops import services


class Command(BaseCommand):
    help = "Create a benchmark workshop and write its participants' sign-in details as JSON."

    def add_arguments(self, parser):
        parser.add_argument("--participants", type=int, default=150)
        parser.add_argument("--output", required=True)

    def handle(self, *args, participants, output, **options):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group

        if get_user_model().objects.filter(username="bench-trainer").exists():
            raise CommandError("This database already has a benchmark workshop.")
        district, _ = Region.objects.get_or_create(
            code="33.13", defaults={"name": "Kab. Karanganyar", "level": RegionLevel.DISTRICT}
        )
        trainer = get_user_model().objects.create_user("bench-trainer", password=None)
        trainer.groups.add(Group.objects.get(name=Role.TRAINER))
        started = time.perf_counter()
        workshop, credentials = services.workshop_create(
            title="Pelatihan uji beban",
            date=timezone.localdate(),
            place="Loopback",
            region=district,
            trainers=[trainer],
            entries=services.entries_from_count(participants),
            created_by=trainer,
        )
        seconds = time.perf_counter() - started
        with open(output, "w") as file:
            json.dump(
                {
                    "workshop": workshop.pk,
                    "sandbox_page": workshop.sandbox.page_id,
                    "create_seconds": round(seconds, 2),
                    "participants": [
                        {"username": c.participant.username, "password": c.password}
                        for c in credentials
                    ],
                },
                file,
            )
        self.stdout.write(f"{len(credentials)} accounts created in {seconds:.2f} s")
