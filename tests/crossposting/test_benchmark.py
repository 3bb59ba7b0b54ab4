"""The benchmark command anyone can run: it sends exactly once and cleans up after itself."""

from io import StringIO

import pytest
from django.core.management import call_command

from crossposting.models import Delivery, SocialAccount
from kim.models import PostPage


@pytest.mark.django_db
def test_the_benchmark_reports_deliveries_per_second_and_leaves_nothing_behind():
    out = StringIO()

    call_command("crosspost_benchmark", deliveries=8, latency=0, stdout=out)

    assert "8/8 deliveries sent by 1 worker" in out.getvalue()
    assert "deliveries/s" in out.getvalue() and "8 posts on the fake networks" in out.getvalue()
    assert not Delivery.objects.exists() and not SocialAccount.objects.exists()
    assert not PostPage.objects.filter(title__startswith="Benchmark").exists()
