"""Reload (POST /gateway/reload and SIGHUP) re-reads gw.yaml with the pipelines, atomically (issue 11 item 4)."""
import signal
import time

from conftest import DEFAULT_CONFIG, wait_for

SHOUT = """\
id: shout
steps:
  - id: s
    kind: exec
    command: [printf, "%s", "${{ secrets.word }}"]
"""

BASE = DEFAULT_CONFIG.replace("allow: [echo,", "allow: [printf, echo,") + "secrets:\n  word: { env: GW_WORD_ONE }\n"
CLOCK = "id: clock\nsteps:\n  - { id: now, kind: exec, command: [date, +%Y] }\n"


def test_reload_applies_tokens_exec_allow_and_secrets_together(make_gateway):
    gw = make_gateway(config=BASE, pipelines={"shout.yaml": SHOUT},
                      env={"GW_WORD_ONE": "first-secret", "GW_WORD_TWO": "second-secret"}).start()
    c = gw.client()
    assert c.get("/gateway", headers={"Authorization": "Bearer tok-new"}).status_code == 401
    (gw.dir / "pipelines" / "clock.yaml").write_text(CLOCK)
    refused = c.post("/gateway/reload")  # `date` is not in the old exec.allow
    assert refused.status_code == 422 and "date" in refused.text, refused.text

    config = (BASE.replace("allow: [printf,", "allow: [date, printf,")
              .replace("GW_WORD_ONE", "GW_WORD_TWO")
              .replace("    - { name: alice,", "    - { name: newcomer, token: tok-new, scopes: [read] }\n    - { name: alice,"))
    (gw.dir / "gw.yaml").write_text(config)
    answer = c.post("/gateway/reload")
    assert answer.status_code == 200, answer.text
    assert answer.json()["restartRequired"] == [] and answer.json()["added"] == ["clock"]
    assert c.post("/pipelines/clock/run", json={}).json()["status"] == "completed"
    assert c.get("/gateway", headers={"Authorization": "Bearer tok-new"}).status_code == 200
    run = c.post("/pipelines/shout/run", json={}).json()
    assert run["status"] == "completed", run
    assert run["steps"][0]["output"]["stdout"] == "***"  # the new secret's value is masked
    audit = c.get("/audit", params={"action": "gateway.reload"}).json()["entries"]
    assert audit and audit[-1]["actor"] == "alice"


def test_an_invalid_config_keeps_the_whole_old_state(make_gateway):
    gw = make_gateway(config=BASE, pipelines={"shout.yaml": SHOUT}, env={"GW_WORD_ONE": "first-secret"}).start()
    c = gw.client()
    (gw.dir / "pipelines" / "extra.yaml").write_text("id: extra\nsteps:\n  - { id: a, kind: set, values: {} }\n")
    (gw.dir / "gw.yaml").write_text(BASE + "bogus: 1\n")
    answer = c.post("/gateway/reload")
    assert answer.status_code == 422, answer.text
    error = answer.json()["error"]
    assert error["code"] == "invalid_pipelines"
    detail = error["details"][0]
    assert detail["file"].endswith("gw.yaml") and detail["line"] > 0 and "bogus" in detail["message"]
    assert [p["id"] for p in c.get("/pipelines").json()] == ["shout"]  # the pipelines were not half applied

    (gw.dir / "gw.yaml").write_text(BASE.replace("GW_WORD_ONE", "GW_NOT_SET"))
    answer = c.post("/gateway/reload")
    assert answer.status_code == 422 and "GW_NOT_SET" in answer.json()["error"]["message"]
    assert [p["id"] for p in c.get("/pipelines").json()] == ["shout"]


def test_keys_that_need_a_restart_are_named_not_applied(make_gateway):
    gw = make_gateway(config=BASE, pipelines={"shout.yaml": SHOUT}, env={"GW_WORD_ONE": "first-secret"}).start()
    c = gw.client()
    (gw.dir / "gw.yaml").write_text(BASE.replace("listen: 127.0.0.1:0", "listen: 127.0.0.1:1") + "storage:\n  sync: full\n")
    answer = c.post("/gateway/reload")
    assert answer.status_code == 200, answer.text
    assert sorted(answer.json()["restartRequired"]) == ["listen", "storage.sync"]
    assert c.get("/health").status_code == 200  # still serving where it was
    gw.stop()
    assert "restart gw serve to apply" in (gw.dir / "serve.log").read_text()


def test_sighup_rereads_the_config(make_gateway):
    gw = make_gateway(config=BASE, pipelines={"shout.yaml": SHOUT}, env={"GW_WORD_ONE": "first-secret"}).start()
    c = gw.client()
    (gw.dir / "gw.yaml").write_text(BASE.replace("    - { name: alice,", "    - { name: hupper, token: tok-hup, scopes: [read] }\n    - { name: alice,"))
    gw.proc.send_signal(signal.SIGHUP)
    deadline = time.time() + 10
    while time.time() < deadline and c.get("/gateway", headers={"Authorization": "Bearer tok-hup"}).status_code != 200:
        time.sleep(0.1)
    assert c.get("/gateway", headers={"Authorization": "Bearer tok-hup"}).status_code == 200
