"""`gw chat`: a terminal client of the OpenAI-compatible surface."""
import pytest

from conftest import DEFAULT_CONFIG
from fake_llm import FakeLLM, REPLY
from test_openai_sdk import ASSISTANT, BROKEN, ECHO

COUNT = """\
id: count
openai: true
steps:
  - { id: n, kind: set, values: { content: "${{ length(input.messages) }} messages, last: ${{ input.prompt }}" } }
output: ${{ steps.n.output }}
"""


@pytest.fixture
def gw(make_gateway):
    with FakeLLM() as llm:
        config = DEFAULT_CONFIG + f"backends:\n  fake: {{ baseURL: \"{llm.url}\", model: m }}\n"
        pipelines = {"echo.yaml": ECHO, "broken.yaml": BROKEN, "assistant.yaml": ASSISTANT, "count.yaml": COUNT}
        yield make_gateway(config=config, pipelines=pipelines).start()


def test_one_message_prints_the_reply(gw):
    result = gw.cli("chat", "echo", "hello there", token="tok-operate")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "you said: hello there\n"


def test_a_streaming_pipeline_is_printed_as_it_arrives(gw):
    result = gw.cli("chat", "assistant", "hi", token="tok-operate")
    assert result.returncode == 0, result.stderr
    assert result.stdout == REPLY + "\n"


def test_interactive_mode_keeps_the_conversation_until_exit(gw):
    result = gw.cli("chat", "count", token="tok-operate", input="first\n\nsecond\n/exit\nnever sent\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["1 messages, last: first", "3 messages, last: second"]


def test_errors_exit_with_the_cli_codes(gw):
    assert gw.cli("chat", "nope", "x", token="tok-operate").returncode == 6
    failed = gw.cli("chat", "broken", "x", token="tok-operate")
    assert failed.returncode == 3
    assert "no luck" in failed.stderr
    assert gw.cli("chat", "echo", "x", token="tok-read").returncode == 7
