"""A test ACP agent built on the official `agent-client-protocol` SDK.

It echoes prompts in chunks and keeps each session's history in a JSON file (so `session/load` works in a
new process). Magic prompts exercise the client:
  ``ask TITLE``          request a permission and say what was decided
  ``read PATH``          read a file through the client's fs and say its content (or the error)
  ``write PATH TEXT``    write a file through the client's fs
  ``tool``               report a tool call and its completion
  ``hang``               wait until cancelled
  ``crash``              send one chunk, then exit with status 3 mid-turn
  ``garbage``            write a line that is not JSON
Env: ECHO_STATE (history folder; default ./.echo), ECHO_NO_LOAD=1 (no loadSession capability).
"""

import asyncio
import json
import os
import sys
import uuid

from acp import (
    PROTOCOL_VERSION, Agent, InitializeResponse, LoadSessionResponse, NewSessionResponse, PromptResponse,
    RequestError, run_agent, start_tool_call, text_block, update_agent_message_text, update_tool_call,
    update_user_message_text,
)
from acp.schema import AgentCapabilities, PermissionOption


def state_dir():
    path = os.environ.get("ECHO_STATE") or os.path.join(os.getcwd(), ".echo")
    os.makedirs(path, exist_ok=True)
    return path


class EchoAgent(Agent):
    def __init__(self):
        self.conn = None
        self.cancelled = {}

    def on_connect(self, conn):
        self.conn = conn

    async def initialize(self, protocol_version, client_capabilities=None, client_info=None, **kwargs):
        load = os.environ.get("ECHO_NO_LOAD") != "1"
        return InitializeResponse(protocol_version=PROTOCOL_VERSION,
                                  agent_capabilities=AgentCapabilities(load_session=load))

    async def new_session(self, cwd, mcp_servers=None, **kwargs):
        session_id = uuid.uuid4().hex
        self.save(session_id, [])
        return NewSessionResponse(session_id=session_id)

    async def load_session(self, cwd, session_id, mcp_servers=None, **kwargs):
        history = self.load(session_id)
        if history is None:
            raise RequestError.resource_not_found(session_id)
        for prompt in history:
            await self.conn.session_update(session_id, update_user_message_text(prompt))
            await self.conn.session_update(session_id, update_agent_message_text("(replayed) " + prompt))
        return LoadSessionResponse()

    async def cancel(self, session_id, **kwargs):
        event = self.cancelled.get(session_id)
        if event:
            event.set()

    async def prompt(self, prompt, session_id, **kwargs):
        text = " ".join(block.text for block in prompt if getattr(block, "type", "") == "text")
        history = self.load(session_id) or []
        history.append(text)
        self.save(session_id, history)
        reply = await self.respond(session_id, text, len(history))
        if reply is None:
            return PromptResponse(stop_reason="cancelled")
        for i, word in enumerate(reply.split(" ")):
            await self.conn.session_update(session_id, update_agent_message_text(word if i == 0 else " " + word))
        return PromptResponse(stop_reason="end_turn")

    async def respond(self, session_id, text, turn):
        word, _, rest = text.partition(" ")
        if word == "ask":
            options = [PermissionOption(option_id="yes", name="Allow", kind="allow_once"),
                       PermissionOption(option_id="no", name="Reject", kind="reject_once")]
            answer = await self.conn.request_permission(
                session_id=session_id, tool_call=update_tool_call("t1", title=rest or "do something"), options=options)
            outcome = answer.outcome
            return "permission: " + (outcome.option_id if outcome.outcome == "selected" else "cancelled")
        if word == "read":
            try:
                return "content: " + (await self.conn.read_text_file(session_id=session_id, path=rest)).content
            except RequestError as error:
                return "error: " + str(error)
        if word == "write":
            path, _, content = rest.partition(" ")
            try:
                await self.conn.write_text_file(session_id=session_id, path=path, content=content)
                return "wrote " + path
            except RequestError as error:
                return "error: " + str(error)
        if word == "tool":
            await self.conn.session_update(session_id, start_tool_call("t2", "look around", kind="read", status="in_progress"))
            await self.conn.session_update(session_id, update_tool_call("t2", status="completed"))
            return "used a tool"
        if word == "hang":
            event = self.cancelled.setdefault(session_id, asyncio.Event())
            await event.wait()
            return None
        if word == "crash":
            await self.conn.session_update(session_id, update_agent_message_text("about to crash"))
            await asyncio.sleep(0.05)
            sys.stderr.write("echo agent: crashing on purpose\n")
            sys.stderr.flush()
            os._exit(3)
        if word == "garbage":
            sys.stdout.write("this is not json\n")
            sys.stdout.flush()
            await asyncio.sleep(5)
        return f"echo[{turn}]: {text}"

    def path(self, session_id):
        return os.path.join(state_dir(), session_id + ".json")

    def save(self, session_id, history):
        with open(self.path(session_id), "w") as f:
            json.dump(history, f)

    def load(self, session_id):
        try:
            with open(self.path(session_id)) as f:
                return json.load(f)
        except FileNotFoundError:
            return None


if __name__ == "__main__":
    asyncio.run(run_agent(EchoAgent()))
