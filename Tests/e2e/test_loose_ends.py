"""Issue 11 loose ends: long waits, promised fields and figures, the CLI saying why and showing progress."""
import json

from conftest import DEFAULT_CONFIG, wait_for

SLOW = """\
id: slow
steps:
  - { id: nap, kind: sleep, duration: 130s }
  - { id: done, kind: set, values: { slept: true } }
output: ${{ steps.done.output }}
"""


def test_run_wait_outlasts_the_old_120s_client_deadline(make_gateway):
    """A 130 s run with --wait 3m ends with the run's output and exit 0 (the client used to give up at 120 s, exit 8).

    The one long test of this file (~130 s, mostly asleep); it runs serially like every e2e test."""
    gw = make_gateway(pipelines={"slow.yaml": SLOW}).start()
    result = gw.cli("pipelines", "run", "slow", "--wait", "3m", "-o", "json", timeout=240)
    assert result.returncode == 0, result.stderr
    run = json.loads(result.stdout)
    assert run["status"] == "completed"
    assert run["output"] == {"slept": True}
