"""`monitor health` as the container's probe. It exits 1 when any source has not polled
successfully for a while, which is right for an alert on an outlet; but the image's HEALTHCHECK
ran it, so one county site down for six hours turned the whole monitor `unhealthy` (and an
orchestrator that restarts unhealthy containers restarted a working daemon, again and again).
`--degraded-ok` (the image's probe) exits 0 while any source is healthy, saying which are not,
and 1 when none is."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from hostile import Site
from test_cycle import WAF, make_ctx, source_toml  # noqa: F401 (fixture)

from monitor.cli import main


def test_one_outlet_down_is_degraded_not_down_for_the_container_probe(make_ctx, tmp_path):  # noqa: F811
    with Site() as bad, Site() as good:
        bad.page("/list.html", WAF)
        good.listing("/list.html", ["/g.html"])
        good.article("/g.html", "沪明合作新闻")
        make_ctx(source_toml("bad", bad.url("/list.html")) + source_toml("good", good.url("/list.html")))
        args = ["--config", str(tmp_path / "monitor.toml"), "--db", str(tmp_path / "m.db")]
        assert CliRunner().invoke(main, [*args, "poll"]).exit_code == 0
        strict = CliRunner().invoke(main, [*args, "health"])
        probe = CliRunner().invoke(main, [*args, "health", "--degraded-ok"])
    assert strict.exit_code == 1 and "unhealthy=1 (bad)" in strict.output  # an alert's reading: as before
    assert probe.exit_code == 0, probe.output
    assert "unhealthy=1 (bad)" in probe.output and "degraded: 1 of 2 sources healthy" in probe.output
    assert "source=bad status=blocked" in probe.output


def test_the_probe_fails_when_no_source_is_healthy_or_there_is_no_database(make_ctx, tmp_path):  # noqa: F811
    with Site() as bad:
        bad.page("/list.html", WAF)
        make_ctx(source_toml("bad", bad.url("/list.html")) + source_toml("worse", bad.url("/list.html")))
        args = ["--config", str(tmp_path / "monitor.toml"), "--db", str(tmp_path / "m.db")]
        before = CliRunner().invoke(main, [*args[:2], "--db", str(tmp_path / "none.db"), "health", "--degraded-ok"])
        CliRunner().invoke(main, [*args, "poll"])
        after = CliRunner().invoke(main, [*args, "health", "--degraded-ok"])
    assert before.exit_code == 1 and "no database at" in before.output
    assert after.exit_code == 1 and "unhealthy=2" in after.output and "degraded" not in after.output


def test_the_image_probes_with_degraded_ok():
    dockerfile = (Path(__file__).parent.parent / "Dockerfile").read_text(encoding="utf-8")
    probe = next(line for line in dockerfile.splitlines() if line.startswith("HEALTHCHECK"))
    assert '"health"' in probe and '"--degraded-ok"' in probe
