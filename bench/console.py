"""Issue 13 figures for the web console, against a gateway started by bench/console.sh (GW_URL, TOKEN):
with BENCH_RUNS (10000) runs stored — runs page navigation → first rows visible, DOM rows, live event →
change on screen (p50/p95), JS+CSS bytes, cold page load. Drives Debian's chromium-headless-shell."""
import os
import pathlib
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
from playwright.sync_api import sync_playwright

URL, TOKEN = os.environ["GW_URL"], os.environ["TOKEN"]
H = {"Authorization": f"Bearer {TOKEN}"}
N = int(os.environ.get("BENCH_RUNS", "10000"))
FILES = pathlib.Path(__file__).resolve().parents[1] / "Sources/GatewayKit/Console/Files"


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p / 100))]


def chromium():
    files = subprocess.run(["dpkg", "-L", "chromium-headless-shell"], capture_output=True, text=True, check=True).stdout
    return next(line for line in files.splitlines() if line.endswith("/lib/chromium/chromium-headless-shell"))


def fill(n):
    """Starts n runs of the trivial `setone` pipeline from 16 clients; returns runs/s."""
    per = n // 16

    def start(_):
        with httpx.Client(base_url=URL, headers=H, timeout=60) as c:
            for _ in range(per):
                c.post("/pipelines/setone/start", json={"input": {}}).raise_for_status()
    t0 = time.perf_counter()
    with ThreadPoolExecutor(16) as pool:
        list(pool.map(start, range(16)))
    return per * 16 / (time.perf_counter() - t0)


# In the page: resolves with the ms from `t0` (performance.now) to the first frame painted with a row.
FIRST_ROWS = """() => { window.__nav = new Promise(done => {
  const check = () => {
    if (location.pathname === '/ui/runs' && document.querySelector('main tbody tr')) {
      requestAnimationFrame(() => done(performance.now() - window.__clickT));
      return true;
    }
    return false;
  };
  if (check()) return;
  const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
  mo.observe(document.getElementById('main'), { childList: true, subtree: true });
}); }"""

# In the page: for each new run row, ms from the event's time (its `Created`) to the next painted frame.
WATCH_ROWS = """() => {
  window.__lat = [];
  const tbody = document.querySelector('main tbody');
  new MutationObserver(records => {
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeName !== 'TR') continue;
      const at = Date.parse(n.querySelector('time').getAttribute('datetime'));
      requestAnimationFrame(() => window.__lat.push(Date.now() - at));
    }
  }).observe(tbody, { childList: true });
}"""


def main():
    rate = fill(N)
    rows = [(f"runs stored (setone, started at {rate:.0f}/s)", str(N), "10000")]
    js_css = sum(p.stat().st_size for p in FILES.rglob("*") if p.suffix in (".js", ".css"))
    rows.append(("console JS+CSS bytes (all files, uncompressed)", f"{js_css / 1024:.1f} KB", "< 100 KB"))

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(), args=["--no-sandbox"])

        # Cold page load: a new context (empty cache), a deep link to /ui/runs with 10,000 runs stored.
        colds, dcls = [], []
        for _ in range(5):
            ctx = browser.new_context(base_url=URL)
            assert ctx.request.post("/session", data={"token": TOKEN}).ok
            page = ctx.new_page()
            t0 = time.perf_counter()
            page.goto("/ui/runs", wait_until="commit")
            page.wait_for_selector("main tbody tr")
            page.evaluate("() => new Promise(r => requestAnimationFrame(r))")
            colds.append((time.perf_counter() - t0) * 1000)
            dcls.append(page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"))
            ctx.close()
        rows.append(("cold page load → first rows painted p50 (new context, 5x)", f"{statistics.median(colds):.0f} ms", "-"))
        rows.append(("cold page load DOMContentLoaded p50", f"{statistics.median(dcls):.0f} ms", "-"))

        # A filter that matches none of the 10,000 runs (the API scans them all): load → answer painted.
        empties = []
        ctx = browser.new_context(base_url=URL)
        assert ctx.request.post("/session", data={"token": TOKEN}).ok
        page = ctx.new_page()
        for _ in range(5):
            t0 = time.perf_counter()
            page.goto("/ui/runs?status=failed", wait_until="commit")
            page.wait_for_selector("main:not([aria-busy]) .msg")
            empties.append((time.perf_counter() - t0) * 1000)
        ctx.close()
        rows.append(("runs page, filter matching none of them (status=failed) p50", f"{statistics.median(empties):.0f} ms", "< 500 ms"))

        ctx = browser.new_context(base_url=URL)
        assert ctx.request.post("/session", data={"token": TOKEN}).ok
        page = ctx.new_page()
        page.goto("/ui/gateway")
        page.wait_for_selector("dl.facts")
        page.evaluate("document.addEventListener('click', () => { window.__clickT = performance.now(); }, true)")

        # Navigation: click `Runs` in the nav (client-side route) → first rows painted.
        navs = []
        for _ in range(20):
            page.get_by_role("link", name="Gateway").click()
            page.wait_for_selector("dl.facts")
            page.evaluate(FIRST_ROWS)
            page.get_by_role("link", name="Runs", exact=True).click()
            navs.append(page.evaluate("window.__nav"))
        rows.append(("runs page navigation → first rows visible p50", f"{statistics.median(navs):.0f} ms", "-"))
        rows.append(("runs page navigation → first rows visible p95", f"{pct(navs, 95):.0f} ms", "< 500 ms"))
        rows.append(("DOM rows after load (10,000 runs stored)", str(page.locator("main tbody tr").count()), "≤ 200"))

        # Live: runs started one by one while the page is open; event time → new row painted.
        page.wait_for_timeout(300)
        page.evaluate(WATCH_ROWS)
        with httpx.Client(base_url=URL, headers=H, timeout=60) as c:
            for _ in range(300):
                c.post("/pipelines/setone/start", json={"input": {}}).raise_for_status()
                time.sleep(0.01)
        page.wait_for_timeout(1000)
        lat = page.evaluate("window.__lat")
        rows.append((f"event → row on screen p50 ({len(lat)} new runs)", f"{statistics.median(lat):.0f} ms", "-"))
        rows.append(("event → row on screen p95", f"{pct(lat, 95):.0f} ms", "< 250 ms"))
        rows.append(("DOM rows after 300 live runs", str(page.locator("main tbody tr").count()), "≤ 200"))
        # Status change: approve runs waiting on a gate (API) → their row shows `completed`.
        page.evaluate("""() => {
          window.__done = {};
          new MutationObserver(records => {
            for (const r of records) {
              const tr = r.target.closest && r.target.closest('tr[data-run]');
              if (tr && !window.__done[tr.dataset.run] && tr.querySelector('.st').textContent.includes('completed'))
                window.__done[tr.dataset.run] = Date.now();
            }
          }).observe(document.querySelector('main tbody'), { childList: true, subtree: true });
        }""")
        changes = []
        with httpx.Client(base_url=URL, headers=H, timeout=60) as c:
            gates = [c.post("/pipelines/gate/start", json={"input": {}}).json()["runId"] for _ in range(30)]
            for run_id in gates:
                while c.get(f"/runs/{run_id}").json()["status"] != "waiting":
                    time.sleep(0.005)
            page.wait_for_timeout(300)
            sent = {}
            for run_id in gates:
                sent[run_id] = time.time() * 1000
                c.post(f"/runs/{run_id}/approve", json={}).raise_for_status()
                time.sleep(0.02)
        page.wait_for_timeout(1000)
        done = page.evaluate("window.__done")
        changes = [done[r] - sent[r] for r in gates if r in done]
        rows.append((f"approve (API) → row shows completed p50 ({len(changes)}/30 seen)", f"{statistics.median(changes):.0f} ms", "-"))
        rows.append(("approve (API) → row shows completed p95", f"{pct(changes, 95):.0f} ms", "< 250 ms"))
        heap = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize : 0")
        if heap:
            rows.append(("JS heap after the live runs", f"{heap / 1e6:.1f} MB", "-"))
        browser.close()

    for r in rows:
        print("\t".join(r))


if __name__ == "__main__":
    sys.exit(main())
