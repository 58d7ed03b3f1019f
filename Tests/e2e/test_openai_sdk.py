"""The official `openai` Python SDK, unmodified, pointed at `gw serve` (DESIGN §6)."""
import openai
import pytest

from conftest import DEFAULT_CONFIG
from fake_llm import FakeLLM, REPLY

ECHO = """\
id: echo
openai: true
steps:
  - { id: say, kind: set, values: { content: "you said: ${{ input.prompt }}" } }
output: ${{ steps.say.output }}
"""

BROKEN = """\
id: broken
openai: true
steps:
  - { id: boom, kind: fail, message: "no luck" }
"""

ASSISTANT = """\
id: assistant
openai: true
steps:
  - id: answer
    kind: infer
    backend: fake
    messages: ${{ input.messages }}
output: ${{ steps.answer.output.text }}
"""

HIDDEN = """\
id: hidden
steps:
  - { id: a, kind: set, values: { v: 1 } }
"""


@pytest.fixture
def llm():
    with FakeLLM() as fake:
        yield fake


@pytest.fixture
def gw(make_gateway, llm):
    config = DEFAULT_CONFIG + f"backends:\n  fake: {{ baseURL: \"{llm.url}\", apiKeyEnv: FAKE_KEY, model: m }}\n"
    pipelines = {"echo.yaml": ECHO, "broken.yaml": BROKEN, "assistant.yaml": ASSISTANT, "hidden.yaml": HIDDEN}
    return make_gateway(config=config, pipelines=pipelines, env={"FAKE_KEY": "sk-fake"}).start()


def sdk(gw, token="tok-operate"):
    return openai.OpenAI(base_url=gw.url + "/v1", api_key=token, max_retries=0)


def test_models_list_shows_only_exposed_pipelines(gw):
    ids = [m.id for m in sdk(gw, "tok-read").models.list()]
    assert ids == ["assistant", "broken", "echo"]


def test_chat_completion_plain(gw):
    completion = sdk(gw).chat.completions.create(model="echo", messages=[{"role": "user", "content": "hi"}])
    assert completion.choices[0].message.content == "you said: hi"
    assert completion.choices[0].finish_reason == "stop"
    assert completion.usage.total_tokens == 0
    run_id = completion.id.removeprefix("chatcmpl-")
    with gw.client() as client:
        run = client.get(f"/runs/{run_id}").json()
    assert run["trigger"]["kind"] == "openai"


def test_chat_completion_streams_with_include_usage(gw):
    stream = sdk(gw).chat.completions.create(model="echo", messages=[{"role": "user", "content": "yo"}], stream=True,
                                             stream_options={"include_usage": True})
    chunks = list(stream)
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == "you said: yo"
    assert chunks[-1].choices == []
    assert chunks[-1].usage.total_tokens == 0


def test_streamed_deltas_of_an_infer_step_reach_the_client_with_summed_usage(gw, llm):
    stream = sdk(gw).chat.completions.create(model="assistant", messages=[{"role": "user", "content": "hello"}],
                                             stream=True, stream_options={"include_usage": True})
    chunks = list(stream)
    deltas = [c.choices[0].delta.content for c in chunks if c.choices and c.choices[0].delta.content]
    assert "".join(deltas) == REPLY
    assert len(deltas) == len(REPLY.split(" "))
    assert chunks[-1].usage.prompt_tokens == 7
    assert chunks[-1].usage.completion_tokens == 5
    sent = llm.requests[-1]
    assert sent["headers"]["Authorization"] == "Bearer sk-fake"
    assert sent["body"]["messages"] == [{"role": "user", "content": "hello"}]


def test_chat_completion_plain_sums_infer_usage(gw):
    completion = sdk(gw).chat.completions.create(model="assistant", messages=[{"role": "user", "content": "x"}])
    assert completion.choices[0].message.content == REPLY
    assert (completion.usage.prompt_tokens, completion.usage.completion_tokens, completion.usage.total_tokens) == (7, 5, 12)


def test_responses_plain(gw):
    response = sdk(gw).responses.create(model="echo", input="ping", instructions="be brief")
    assert response.output_text == "you said: ping"
    assert response.status == "completed"
    assert response.usage.total_tokens == 0


def test_responses_stream(gw):
    events = list(sdk(gw).responses.create(model="assistant", input="ping", stream=True))
    types = [e.type for e in events]
    assert types[0] == "response.created"
    assert types[-1] == "response.completed"
    assert "".join(e.delta for e in events if e.type == "response.output_text.delta") == REPLY
    assert events[-1].response.output_text == REPLY
    assert events[-1].response.usage.total_tokens == 12


@pytest.mark.parametrize("model", ["nope", "hidden"])
def test_unknown_or_unexposed_model_raises_not_found(gw, model):
    with pytest.raises(openai.NotFoundError) as caught:
        sdk(gw).chat.completions.create(model=model, messages=[{"role": "user", "content": "x"}])
    assert caught.value.status_code == 404
    assert caught.value.code == "model_not_found"


@pytest.mark.parametrize("stream", [False, True])
def test_failing_pipeline_raises_status_error_500(gw, stream):
    with pytest.raises(openai.APIStatusError) as caught:
        result = sdk(gw).chat.completions.create(model="broken", messages=[{"role": "user", "content": "x"}], stream=stream)
        list(result) if stream else None
    assert caught.value.status_code == 500
    assert caught.value.code == "pipeline_failed"
    assert "no luck" in caught.value.message
    assert "tok-operate" not in (gw.dir / "serve.log").read_text()


def test_bad_token_raises_authentication_error(gw):
    with pytest.raises(openai.AuthenticationError):
        sdk(gw, "wrong").models.list()
