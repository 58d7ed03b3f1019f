"""`infer` steps against a fake OpenAI-compatible backend over real HTTP."""
import time

import pytest

from conftest import DEFAULT_CONFIG
from fake_llm import FakeLLM, REPLY


def pipeline(pid, model, extra=""):
    return f"""\
id: {pid}
steps:
  - id: ask
    kind: infer
    backend: fake
    model: {model}
    system: you are terse
    prompt: "say hi to ${{{{ input.name }}}}"
    temperature: 0.2
    maxTokens: 50
{extra}"""


@pytest.fixture
def llm():
    with FakeLLM() as fake:
        yield fake


@pytest.fixture
def gw(make_gateway, llm):
    config = DEFAULT_CONFIG + f"backends:\n  fake: {{ baseURL: \"{llm.url}\", apiKeyEnv: FAKE_KEY }}\n"
    pipelines = {
        "talk.yaml": pipeline("talk", "m"),
        "flaky.yaml": pipeline("flaky", "flaky"),
        "down.yaml": pipeline("down", "down"),
        "structured.yaml": pipeline("structured", "json", "    json: { type: object, required: [answer] }\n"),
        "mismatch.yaml": pipeline("mismatch", "json", "    json: { type: object, required: [name] }\n"),
        "slow.yaml": pipeline("slow", "cadence-100-100", "    timeout: 700ms\n"),
        "endless.yaml": pipeline("endless", "cadence-1000-100"),
    }
    return make_gateway(config=config, pipelines=pipelines, env={"FAKE_KEY": "sk-secret-key"}).start()


def run(gw, pid, name="bob"):
    with gw.client("tok-operate") as client:
        return client.post(f"/pipelines/{pid}/run?wait=20s", json={"input": {"name": name}}).json()


def events(gw, run_id):
    with gw.client() as client:
        return client.get(f"/runs/{run_id}/events", headers={"Accept": "application/json"}).json()["events"]


def test_streams_each_delta_as_a_step_delta_and_records_usage(gw, llm):
    result = run(gw, "talk")
    assert result["status"] == "completed", result
    output = result["steps"][0]["output"]
    assert output["text"] == REPLY
    assert output["usage"] == {"prompt_tokens": 7, "completion_tokens": 5, "total_tokens": 12}
    deltas = [e["data"]["text"] for e in events(gw, result["runId"]) if e["type"] == "step.delta"]
    assert "".join(deltas) == REPLY and len(deltas) == 5
    body = llm.requests[-1]["body"]
    assert body["stream"] is True and body["stream_options"] == {"include_usage": True}
    assert body["messages"] == [{"role": "system", "content": "you are terse"}, {"role": "user", "content": "say hi to bob"}]
    assert body["temperature"] == 0.2 and body["max_tokens"] == 50
    assert llm.requests[-1]["headers"]["Authorization"] == "Bearer sk-secret-key"


def test_a_429_is_retried_after_retry_after_and_then_succeeds(gw, llm):
    result = run(gw, "flaky")
    assert result["status"] == "completed", result
    assert result["steps"][0]["output"]["text"] == REPLY
    assert llm.calls["flaky"] == 2
    logs = [e["data"]["line"] for e in events(gw, result["runId"]) if e["type"] == "step.log"]
    assert any("429" in line and "50ms" in line for line in logs), logs


def test_a_500_forever_fails_the_step_after_its_retries(gw, llm):
    result = run(gw, "down")
    assert result["status"] == "failed"
    assert result["error"]["stepId"] == "ask"
    assert "500" in result["error"]["message"] and "4 tries" in result["error"]["message"]
    assert llm.calls["down"] == 4


def test_json_mode_parses_and_validates_the_reply(gw, llm):
    result = run(gw, "structured")
    assert result["status"] == "completed", result
    assert result["steps"][0]["output"]["json"] == {"answer": 42}
    assert llm.requests[-1]["body"]["response_format"] == {"type": "json_object"}
    mismatch = run(gw, "mismatch")
    assert mismatch["status"] == "failed"
    assert mismatch["error"]["code"] == "schema_mismatch"


def test_the_api_key_is_never_logged_or_shown(gw):
    result = run(gw, "down")
    text = str(result) + str(events(gw, result["runId"])) + (gw.dir / "serve.log").read_text()
    assert "sk-secret-key" not in text


def test_a_step_timeout_aborts_the_streaming_request(gw):
    started = time.time()
    result = run(gw, "slow")
    assert result["status"] == "failed"
    assert result["error"]["code"] == "timeout"
    assert time.time() - started < 5
    assert any(e["type"] == "step.delta" for e in events(gw, result["runId"]))


def test_cancelling_the_run_aborts_the_request(gw):
    with gw.client("tok-operate") as client:
        run_id = client.post("/pipelines/endless/start", json={"input": {"name": "x"}}).json()["runId"]
        for _ in range(100):
            if any(e["type"] == "step.delta" for e in events(gw, run_id)):
                break
            time.sleep(0.05)
        started = time.time()
        cancelled = client.delete(f"/runs/{run_id}").json()
    assert cancelled["status"] == "cancelled"
    assert time.time() - started < 2
