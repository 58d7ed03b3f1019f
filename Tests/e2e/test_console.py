"""The web console in a real browser: Playwright driving Debian's chromium-headless-shell against `gw serve`.

One gateway and one browser for the module; every test gets a fresh browser context (its own cookie jar).
`GW_E2E_CONSOLE_DIR=Sources/GatewayKit/Console/Files` serves the console from disk instead of the binary;
`GW_E2E_SHOTS=DIR` saves a screenshot of every page in light and dark.
"""
import functools
import http.server
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

import httpx
import pytest

from conftest import DEFAULT_CONFIG, Gateway, wait_for

pytest.importorskip("playwright.sync_api", reason="pip install -r Tests/e2e/requirements.txt")
Axe = pytest.importorskip("axe_playwright_python.sync_playwright").Axe
from playwright.sync_api import expect, sync_playwright  # noqa: E402

PIPELINES = {
    "hello.yaml": """\
id: hello
description: says hello
steps:
  - { id: greet, kind: set, values: { content: "hello" } }
output: ${{ steps.greet.output.content }}
""",
    "gate.yaml": """\
id: gate
description: asks a person
steps:
  - { id: build, kind: exec, command: [echo, built-the-thing] }
  - { id: ok, kind: approval, message: "Ship ${{ input.ref }}?", timeout: 1h }
  - { id: done, kind: set, values: { shipped: "${{ steps.ok.output.decision }}" } }
output: ${{ steps.done.output.shipped }}
""",
    "restricted.yaml": """\
id: restricted
steps:
  - { id: ok, kind: approval, message: "Only alice may decide", approvers: [alice], timeout: 1h }
""",
    "asker.yaml": """\
id: asker
steps:
  - { id: q, kind: wait, message: "version?" }
output: ${{ steps.q.output }}
""",
    "walk.yaml": """\
id: walk
steps:
  - { id: s1, kind: set, values: { v: 1 } }
  - { id: s2, kind: set, values: { v: 2 } }
output: ${{ steps.s2.output.v }}
""",
    "ask.yaml": """\
id: ask
steps:
  - { id: talk, kind: agent, agent: echo, prompt: "${{ input.prompt }}", permissions: ask }
output: ${{ steps.talk.output }}
""",
    "typed.yaml": """\
id: typed
description: input from a form
input:
  type: object
  required: [ref]
  properties:
    ref: { type: string }
    count: { type: integer }
    dry: { type: boolean }
steps:
  - { id: echo, kind: set, values: { got: "${{ input }}" } }
output: ${{ input }}
triggers:
  - { id: nightly, kind: schedule, cron: "0 3 * * *", timezone: Europe/Paris }
""",
}

expect.set_options(timeout=10_000)  # 2 shared cores: generous, a pass is usually far below it

PAGES = ["/ui/runs", "/ui/approvals", "/ui/schedules", "/ui/pipelines", "/ui/pipelines/typed",
         "/ui/sessions", "/ui/audit", "/ui/gateway"]
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def chromium_binary():
    """The real headless shell in Chromium's lib folder (not the wrapper script on PATH)."""
    try:
        files = subprocess.run(["dpkg", "-L", "chromium-headless-shell"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("chromium-headless-shell is not installed (scripts/test installs it)")
    for line in files.splitlines():
        if re.search(r"/lib/chromium/(chromium-)?headless[-_]shell$", line) and os.access(line, os.X_OK):
            return line
    pytest.skip("no headless shell binary in chromium-headless-shell")


@pytest.fixture(scope="module")
def gw(tmp_path_factory):
    env = {}
    if os.environ.get("GW_E2E_CONSOLE_DIR"):
        env["GW_CONSOLE_DIR"] = str(pathlib.Path(os.environ["GW_E2E_CONSOLE_DIR"]).resolve())
    work = tmp_path_factory.mktemp("console")
    agent = pathlib.Path(__file__).resolve().parent / "agents" / "echo_agent.py"
    config = DEFAULT_CONFIG + f"""\
agents:
  echo:
    command: [{json.dumps(sys.executable)}, {json.dumps(str(agent))}]
    env: {{ ECHO_STATE: {json.dumps(str(work / "echo-state"))} }}
"""
    gateway = Gateway(work, config=config, pipelines=PIPELINES, env=env).start()
    yield gateway
    gateway.stop()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_binary(), args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def api(gw):
    with gw.client() as c:
        yield c


@pytest.fixture
def context(browser, gw):
    ctx = browser.new_context(base_url=gw.url, viewport={"width": 1280, "height": 900})
    ctx.set_default_timeout(8000)
    yield ctx
    ctx.close()


def sign_in(context, token="tok-admin", path="/ui/runs"):
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" and "401" not in m.text else None)
    page.errors = errors
    page.goto(path)
    page.get_by_label("Token").fill(token)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    expect(page.locator("#conn")).to_have_text("● Live")  # the shared /events stream is open
    return page


def start(api, pipeline, input=None):
    r = api.post(f"/pipelines/{pipeline}/start", json={"input": input or {}})
    assert r.status_code == 202, r.text
    return r.json()["runId"]


def session_cookie(context):
    return next(c for c in context.cookies() if c["name"] == "gw_session")


def test_sign_in_cookie_flags_and_sign_out(context, gw):
    page = context.new_page()
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/ui/signin"))
    page.get_by_label("Token").fill("wrong")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("not accepted")
    page.get_by_label("Token").fill("tok-admin")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Runs", level=1)).to_be_visible()
    for name in ["Runs", "Approvals", "Schedules", "Pipelines", "Sessions", "Audit", "Gateway"]:
        expect(page.get_by_role("navigation", name="Main").get_by_role("link", name=re.compile(f"^{name}"))).to_be_visible()

    cookie = session_cookie(context)
    assert cookie["httpOnly"] is True
    assert cookie["sameSite"] == "Strict"
    assert cookie["secure"] is False  # plain http here; Secure only over https
    assert page.evaluate("document.cookie") == ""  # not readable from script
    stored = page.evaluate("JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])")
    assert "tok-admin" not in stored and stored == "[[],[]]"

    # The cookie alone is enough for the API (reads), and a reload keeps the session.
    assert httpx.get(f"{gw.url}/runs", cookies={"gw_session": cookie["value"]}).status_code == 200
    page.reload()
    expect(page.get_by_role("heading", name="Runs", level=1)).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    old = httpx.get(f"{gw.url}/runs", cookies={"gw_session": cookie["value"]})
    assert old.status_code == 401
    page.goto("/ui/runs")
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()


def test_csrf_refusal(context, gw):
    page = sign_in(context)
    cookie = session_cookie(context)["value"]
    jar = {"gw_session": cookie}
    bare = httpx.post(f"{gw.url}/gateway/pause", cookies=jar, json={})
    assert bare.status_code == 403 and bare.json()["error"]["code"] == "csrf_failed"
    foreign = httpx.post(f"{gw.url}/gateway/pause", cookies=jar, json={}, headers={"Origin": "http://evil.example"})
    assert foreign.status_code == 403 and foreign.json()["error"]["code"] == "csrf_failed"
    wrong = httpx.post(f"{gw.url}/gateway/pause", cookies=jar, json={}, headers={"X-CSRF-Token": "nope"})
    assert wrong.status_code == 403
    # From the page itself: the console's own request passes (header from the session).
    csrf = page.evaluate("fetch('/session').then(r => r.json()).then(s => s.csrfToken)")
    assert csrf
    ok = httpx.post(f"{gw.url}/gateway/pause", cookies=jar, json={}, headers={"X-CSRF-Token": csrf})
    assert ok.status_code == 200 and ok.json()["paused"] is True
    resumed = page.evaluate("""csrf => fetch('/gateway/resume', {method: 'POST', headers: {'X-CSRF-Token': csrf,
        'Content-Type': 'application/json'}, body: '{}'}).then(r => r.status)""", csrf)
    assert resumed == 200
    assert httpx.get(f"{gw.url}/gateway", headers={"Authorization": "Bearer tok-read"}).json()["paused"] is False

    # Pages of other origins posting with the browser's cookie jar (a page served by a second server):
    # another site (localhost) gets no cookie (SameSite=Strict) → 401; the same site on another port gets
    # the cookie but its Origin is foreign → 403 csrf_failed. The metrics prove the requests arrived.
    site = tempfile.mkdtemp()
    (pathlib.Path(site) / "index.html").write_text("<!doctype html><title>elsewhere</title>")
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        for host, code in [("localhost", "401"), ("127.0.0.1", "403")]:
            before = pause_requests(gw, code)
            other = context.new_page()
            other.goto(f"http://{host}:{server.server_address[1]}/index.html")
            assert other.evaluate("""url => fetch(url + '/gateway/pause', {method: 'POST', mode: 'no-cors',
                credentials: 'include', body: '{}'}).then(() => 'sent', e => String(e))""", gw.url) == "sent"
            assert pause_requests(gw, code) == before + 1, (host, code)
            assert httpx.get(f"{gw.url}/gateway", headers={"Authorization": "Bearer tok-read"}).json()["paused"] is False
    finally:
        server.shutdown()
        shutil.rmtree(site, ignore_errors=True)


def pause_requests(gw, code):
    """gw_http_requests_total of POST /gateway/pause answered with `code`."""
    text = httpx.get(f"{gw.url}/metrics", headers={"Authorization": "Bearer tok-read"}).text
    match = re.search(r'gw_http_requests_total\{route="/gateway/pause",method="POST",code="%s"\} (\S+)' % code, text)
    return float(match.group(1)) if match else 0.0


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_renders_without_wcag_violations(context, gw, api, scheme):
    run_id = start(api, "gate", {"ref": "v1"})
    wait_for(api, run_id, lambda r: r["status"] == "waiting")
    shots = os.environ.get("GW_E2E_SHOTS")
    axe = Axe()
    failures = []
    signin = context.new_page()
    signin.emulate_media(color_scheme=scheme)
    signin.goto("/ui/signin")
    expect(signin.get_by_role("button", name="Sign in")).to_be_visible()
    pages = [("signin", signin)]
    page = sign_in(context)
    page.emulate_media(color_scheme=scheme)
    for path in PAGES + [f"/ui/runs/{run_id}"]:
        page.goto(path)
        expect(page.locator("main:not([aria-busy]) h1")).to_be_visible()
        assert page.locator(".msg-error").count() == 0, f"{path}: {page.locator('.msg-error').all_inner_texts()}"
        pages.append((path, page))
        result = axe.run(page, options=WCAG)
        if result.violations_count:
            failures.append(f"{path} ({scheme}):\n{result.generate_report()}")
        if shots:
            pathlib.Path(shots).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{shots}/{scheme}-{path.strip('/').replace('/', '_')}.png", full_page=True)
    result = axe.run(signin, options=WCAG)
    if result.violations_count:
        failures.append(f"signin ({scheme}):\n{result.generate_report()}")
    assert not failures, "\n".join(failures)
    assert not page.errors, page.errors
    api.delete(f"/runs/{run_id}")


def test_live_run_list_and_badge(context, api):
    page = sign_in(context)
    expect(page.get_by_role("heading", name="Runs", level=1)).to_be_visible()
    run_id = start(api, "hello")
    row = page.locator(f"tr[data-run='{run_id}']")
    expect(row.get_by_role("link", name=run_id)).to_be_visible()
    expect(row).to_contain_text("completed")
    expect(row).to_contain_text("hello")

    badge = page.get_by_role("link", name=re.compile("^Approvals"))
    before = len(api.get("/approvals").json())
    gate = start(api, "gate", {"ref": "badge"})
    expect(badge).to_have_accessible_name(f"Approvals, {before + 1} pending")
    expect(page.locator(f"tr[data-run='{gate}']")).to_contain_text("waiting")
    api.delete(f"/runs/{gate}")
    expect(page.locator(f"tr[data-run='{gate}']")).to_contain_text("cancelled")

    # Filters live in the URL; back and reload keep them.
    page.get_by_label("Status").select_option("cancelled")
    expect(page).to_have_url(re.compile(r"status=cancelled"))
    expect(page.get_by_label("Status")).to_be_focused()  # the filter keeps the focus after the reload of the list
    expect(page.locator(f"tr[data-run='{gate}']")).to_be_visible()
    expect(page.locator(f"tr[data-run='{run_id}']")).to_have_count(0)
    page.go_back()
    expect(page.locator(f"tr[data-run='{run_id}']")).to_be_visible()

    # Live rows are capped: 210 new runs on an open page leave 200 rows, the newest on top.
    last = None
    for _ in range(210):
        last = start(api, "hello")
    expect(page.locator("main tbody tr").first).to_have_attribute("data-run", last)
    expect(page.locator("main tbody tr")).to_have_count(200)

    # Paged by the API's cursor: 50 rows a page, older pages by link, the first page back by link.
    page.reload()
    expect(page.locator("main tbody tr")).to_have_count(50)
    first = page.locator("main tbody tr").first.get_attribute("data-run")
    page.get_by_role("link", name="Older »").click()
    expect(page).to_have_url(re.compile(r"cursor="))
    expect(page.locator("main:not([aria-busy]) tbody tr").first).to_be_visible()
    expect(page.locator(f"tr[data-run='{first}']")).to_have_count(0)
    assert page.locator("main tbody tr").count() >= 5
    page.get_by_role("link", name="« Newest").click()
    expect(page.locator(f"tr[data-run='{first}']")).to_be_visible()


def test_live_run_page_approve_with_reason(context, api):
    run_id = start(api, "gate", {"ref": "v2"})
    page = sign_in(context, path=f"/ui/runs/{run_id}")
    expect(page.get_by_role("heading", name=f"Run {run_id}")).to_be_visible()
    log = page.get_by_role("log", name="Event log")
    expect(log).to_contain_text("built-the-thing")  # the exec step's step.log line
    expect(page.get_by_role("button", name="Approve")).to_be_visible()
    expect(page.get_by_role("button", name="Cancel")).to_be_visible()
    expect(page.get_by_role("button", name="Resume")).to_have_count(0)
    page.get_by_label("Reason").fill("from the run page")
    page.get_by_role("button", name="Approve").click()
    expect(page.locator("dl.facts").first).to_contain_text("completed")
    expect(log).to_contain_text("run.completed")
    expect(page.locator("[data-step='ok']")).to_contain_text("attempt 1")
    expect(page.get_by_role("button", name="Cancel")).to_have_count(0)
    entries = api.get("/audit", params={"runId": run_id}).json()["entries"]
    assert any(e["action"].endswith("approve") and e.get("reason") == "from the run page" for e in entries), entries


def test_run_page_resume_with_output(context, api):
    run_id = start(api, "asker")
    wait_for(api, run_id, lambda r: r["status"] == "waiting")
    page = sign_in(context, path=f"/ui/runs/{run_id}")
    page.get_by_label("Output").fill('{"version": "1.2"}')
    page.get_by_role("button", name="Resume").click()
    expect(page.locator("dl.facts").first).to_contain_text("completed")
    assert api.get(f"/runs/{run_id}").json()["output"] == {"version": "1.2"}


def test_run_page_follows_changes_made_elsewhere(context, api):
    run_id = start(api, "asker")
    wait_for(api, run_id, lambda r: r["status"] == "waiting")
    page = sign_in(context, path=f"/ui/runs/{run_id}")
    expect(page.get_by_role("button", name="Resume")).to_be_visible()
    assert api.post(f"/runs/{run_id}/resume", json={"output": "from-elsewhere"}).status_code == 200
    expect(page.locator("dl.facts").first).to_contain_text("completed")
    expect(page.get_by_role("log", name="Event log")).to_contain_text("run.completed")
    expect(page.locator("section.out")).to_contain_text("from-elsewhere")
    expect(page.get_by_role("button", name="Resume")).to_have_count(0)
    expect(page.locator("[data-step='q']")).to_contain_text("completed")


def test_run_page_release_and_deny(context, api):
    assert api.post("/debug/breakpoints", json={"stepId": "s2", "pipelineId": "walk"}).status_code == 201
    run_id = start(api, "walk")
    wait_for(api, run_id, lambda r: any(w["kind"] == "breakpoint" for w in r["waitingOn"]))
    assert api.delete("/debug/breakpoints/s2", params={"pipelineId": "walk"}).status_code == 204
    page = sign_in(context, path=f"/ui/runs/{run_id}")
    expect(page.get_by_role("button", name="Approve")).to_have_count(0)
    page.get_by_role("button", name="Release").focus()
    page.keyboard.press("Enter")
    expect(page.locator("dl.facts").first).to_contain_text("completed")
    expect(page.locator(".msg-ok")).to_be_focused()  # the button went away; the focus is on the outcome
    expect(page.get_by_role("button", name="Release")).to_have_count(0)
    assert api.get(f"/runs/{run_id}").json()["output"] == 2

    gate = start(api, "gate", {"ref": "deny"})
    page.goto(f"/ui/runs/{gate}")
    page.get_by_label("Reason").fill("not today")
    page.get_by_role("button", name="Deny").click()
    expect(page.locator("dl.facts").first).to_contain_text("failed")
    expect(page.locator("section.out")).to_contain_text("Error")
    entries = api.get("/audit", params={"runId": gate}).json()["entries"]
    assert any(e["action"].endswith("deny") and e.get("reason") == "not today" for e in entries), entries


def test_inbox_approve_with_reason_and_audit(context, api):
    run_id = start(api, "gate", {"ref": "inbox"})
    wait_for(api, run_id, lambda r: r["status"] == "waiting")
    page = sign_in(context, path="/ui/approvals")
    item = page.locator(f"li[data-run='{run_id}']")
    expect(item).to_contain_text("Ship inbox?")
    expect(item.get_by_role("link", name=run_id)).to_be_visible()
    expect(item).to_contain_text("gate")
    item.get_by_label("Reason").fill("looks good from the inbox")
    item.get_by_role("button", name="Approve").click()
    expect(item).to_have_count(0)
    expect(page.locator(".notes")).to_contain_text("Approved")
    wait_for(api, run_id, lambda r: r["status"] == "completed")
    entries = api.get("/audit", params={"runId": run_id}).json()["entries"]
    assert any(e["action"].endswith("approve") and e.get("reason") == "looks good from the inbox" and e["actor"] == "alice"
               for e in entries), entries


def test_agent_permission_request_in_the_inbox_and_its_session(context, api):
    run_id = start(api, "ask", {"prompt": "ask delete the files"})
    wait_for(api, run_id, lambda r: r["status"] == "waiting")
    page = sign_in(context, path="/ui/approvals")
    item = page.locator(f"li[data-run='{run_id}']")
    expect(item).to_contain_text("Agent permission")
    expect(item).to_contain_text("delete the files")
    item.get_by_label("Reason").fill("fine, it is a scratch folder")
    item.get_by_role("button", name="Approve").click()
    expect(item).to_have_count(0)
    done = wait_for(api, run_id, lambda r: r["status"] == "completed")
    assert done["output"]["text"] == "permission: yes"
    page.get_by_role("link", name="Sessions").click()
    row = page.locator("main tbody tr").filter(has_text="echo")
    expect(row.first).to_be_visible()
    expect(row.first.get_by_role("link", name=run_id)).to_be_visible()


def test_item_decided_elsewhere_disappears(context, api):
    page = sign_in(context, path="/ui/approvals")
    expect(page.locator("main:not([aria-busy]) h1")).to_have_text("Approvals")
    run_id = start(api, "gate", {"ref": "elsewhere"})
    item = page.locator(f"li[data-run='{run_id}']")
    expect(item).to_contain_text("Ship elsewhere?")  # arrived live
    assert api.post(f"/runs/{run_id}/deny", json={"reason": "no"}).status_code == 200
    expect(item).to_have_count(0)
    expect(page.locator(".notes")).to_contain_text("Decided elsewhere")
    expect(page.locator(".notes")).to_contain_text(run_id)


def test_forbidden_decision_is_a_message(context, api):
    run_id = start(api, "restricted")
    wait_for(api, run_id, lambda r: r["status"] == "waiting")
    page = sign_in(context, token="tok-operate", path="/ui/approvals")
    item = page.locator(f"li[data-run='{run_id}']")
    item.get_by_role("button", name="Approve").click()
    expect(item.get_by_role("alert")).to_contain_text("Not allowed")
    expect(item).to_be_visible()
    api.delete(f"/runs/{run_id}")


def test_unknown_run_and_page_are_messages(context):
    page = sign_in(context, path="/ui/runs/r-does-not-exist")
    expect(page.get_by_role("alert")).to_contain_text("Not found")
    page.goto("/ui/no-such-page")
    expect(page.get_by_role("alert")).to_contain_text("No page at /ui/no-such-page")
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()


def test_read_only_token_sees_no_actions(context, api):
    run_id = start(api, "gate", {"ref": "ro"})
    wait_for(api, run_id, lambda r: r["status"] == "waiting")
    page = sign_in(context, token="tok-read", path=f"/ui/runs/{run_id}")
    expect(page.locator("dl.facts").first).to_contain_text("waiting")
    expect(page.get_by_role("log", name="Event log")).to_contain_text("approval.requested")
    for name in ["Cancel", "Approve", "Deny", "Resume", "Release"]:
        expect(page.get_by_role("button", name=name)).to_have_count(0)
    page.goto("/ui/approvals")
    expect(page.locator(f"li[data-run='{run_id}']")).to_be_visible()
    expect(page.get_by_role("button", name="Approve")).to_have_count(0)
    page.goto("/ui/pipelines/typed")
    expect(page.get_by_role("heading", name="Pipeline typed")).to_be_visible()
    expect(page.get_by_role("button", name="Start run")).to_have_count(0)
    page.goto("/ui/gateway")
    expect(page.locator("dl.facts")).to_contain_text("Runs in flight")
    for name in ["Pause", "Resume", "Reload"]:
        expect(page.get_by_role("button", name=name)).to_have_count(0)
    page.goto("/ui/schedules")
    expect(page.get_by_role("button", name="Preview")).to_be_visible()
    expect(page.get_by_role("button", name="Pause")).to_have_count(0)
    api.delete(f"/runs/{run_id}")


def test_keyboard_only_flow(context, api):
    run_id = start(api, "gate", {"ref": "keys"})
    wait_for(api, run_id, lambda r: r["status"] == "waiting")
    page = context.new_page()
    page.goto("/ui/signin")
    expect(page.get_by_label("Token")).to_be_focused()  # the sign-in page starts in its only field
    page.keyboard.press("Shift+Tab")
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "token":
            break
    assert page.evaluate("document.activeElement.name") == "token"
    page.keyboard.type("tok-admin")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Runs", level=1)).to_be_visible()

    page.keyboard.press("?")
    expect(page.get_by_role("dialog", name="Keyboard shortcuts")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_have_count(0)

    page.keyboard.press("g")
    page.keyboard.press("s")
    expect(page.get_by_role("heading", name="Schedules", level=1)).to_be_visible()
    page.keyboard.press("g")
    page.keyboard.press("a")
    expect(page.locator("main:not([aria-busy]) h1")).to_have_text("Approvals")  # loaded, not only titled
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.type") == "search"
    page.keyboard.type("keys?")
    item = page.locator(f"li[data-run='{run_id}']")
    expect(item).to_be_visible()

    # Tab to the item's Reason field, type, Tab to Approve, Enter; the focus ring is visible on the way.
    visited = []
    for _ in range(40):
        page.keyboard.press("Tab")
        visited.append(page.evaluate("(e => `${e.tagName}:${e.name || e.textContent.slice(0, 20)}`)(document.activeElement)"))
        if item.locator("input[name=reason]").evaluate("e => e === document.activeElement"):
            break
    else:
        pytest.fail(f"Reason never got the focus by Tab: {visited}")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.type("approved by keyboard")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Approve"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    expect(item).to_have_count(0)
    wait_for(api, run_id, lambda r: r["status"] == "completed")

    page.keyboard.press("g")
    page.keyboard.press("r")
    expect(page.get_by_role("heading", name="Runs", level=1)).to_be_visible()
    link = page.get_by_role("link", name=run_id)
    for _ in range(60):
        page.keyboard.press("Tab")
        if link.evaluate("e => e === document.activeElement"):
            break
    else:
        pytest.fail("the run link never got the focus by Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=f"Run {run_id}")).to_be_visible()
    expect(page.locator("dl.facts").first).to_contain_text("completed")


def test_start_run_form_opens_the_run(context, api):
    page = sign_in(context, path="/ui/pipelines")
    page.get_by_role("link", name="typed").click()
    expect(page.get_by_role("heading", name="Pipeline typed")).to_be_visible()
    page.get_by_label("ref").fill("main")
    page.get_by_label("count").fill("3")
    page.get_by_label("dry").check()
    page.get_by_role("button", name="Start run").click()
    expect(page).to_have_url(re.compile(r"/ui/runs/[^/]+$"))
    run_id = page.url.rsplit("/", 1)[1]
    run = wait_for(api, run_id, lambda r: r["status"] == "completed")
    assert run["input"] == {"ref": "main", "count": 3, "dry": True}
    expect(page.locator("dl.facts").first).to_contain_text("completed")


def test_schedules_audit_gateway_actions(context, gw, api):
    assert api.post("/schedules", json={"id": "often", "pipelineId": "walk", "every": "1s"}).status_code == 201
    deadline = time.time() + 10
    while not api.get("/schedules/often").json().get("lastOutcome") and time.time() < deadline:
        time.sleep(0.1)
    assert api.post("/schedules/often/pause").status_code == 200
    outcome = api.get("/schedules/often").json()["lastOutcome"]
    page = sign_in(context, path="/ui/schedules")
    often = page.locator("tr[data-schedule='often']")
    expect(often).to_contain_text(outcome)
    expect(often).to_contain_text("every 1s")
    expect(often.get_by_role("button", name="Resume")).to_be_visible()
    assert api.delete("/schedules/often").status_code == 204
    row = page.locator("tr[data-schedule]").filter(has_text="typed")
    expect(row).to_contain_text("cron 0 3 * * *")
    expect(row).to_contain_text("Europe/Paris")
    expect(row).to_contain_text(re.compile(r"\d{4}-\d\d-\d\dT0[12]:00:00Z"))  # 03:00 Paris in UTC
    row.get_by_role("button", name="Preview").click()
    expect(page.locator(".preview li")).to_have_count(5)
    row.get_by_role("button", name="Pause").click()
    expect(page.locator("tr[data-schedule]").filter(has_text="typed").get_by_role("button", name="Resume")).to_be_visible()
    page.locator("tr[data-schedule]").filter(has_text="typed").get_by_role("button", name="Resume").click()
    expect(page.locator("tr[data-schedule]").filter(has_text="typed").get_by_role("button", name="Pause")).to_be_visible()

    page.get_by_role("link", name="Audit").click()
    expect(page.get_by_role("heading", name="Audit", level=1)).to_be_visible()
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_text("Chain verified")).to_be_visible()

    page.get_by_role("link", name="Gateway").click()
    (gw.dir / "pipelines" / "extra.yaml").write_text("id: extra\nsteps:\n  - { id: a, kind: set, values: { v: 1 } }\n")
    page.get_by_role("button", name="Reload").click()
    expect(page.get_by_role("region", name="Reload result")).to_contain_text("extra")
    page.get_by_role("button", name="Pause").click()
    expect(page.locator("dl.facts").first).to_contain_text("paused")
    assert api.get("/gateway").json()["paused"] is True
    page.get_by_role("button", name="Resume").click()
    expect(page.get_by_role("button", name="Pause")).to_be_visible()
    assert api.get("/gateway").json()["paused"] is False
