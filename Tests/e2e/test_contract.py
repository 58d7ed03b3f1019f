"""The served OpenAPI document and the Prometheus output, checked by tools nobody here wrote."""
import shutil
import subprocess

import httpx
import pytest
import yaml
from openapi_spec_validator import validate
from prometheus_client.parser import text_string_to_metric_families

DESIGN_ROUTES = [
    ("get", "/health"), ("get", "/metrics"), ("get", "/gateway"), ("post", "/gateway/pause"),
    ("post", "/gateway/resume"), ("post", "/gateway/reload"), ("get", "/pipelines"), ("get", "/pipelines/{pipelineId}"),
    ("post", "/pipelines/{pipelineId}/run"), ("post", "/pipelines/{pipelineId}/start"), ("get", "/runs"),
    ("get", "/runs/{runId}"), ("delete", "/runs/{runId}"), ("get", "/runs/{runId}/events"),
    ("post", "/runs/{runId}/resume"), ("post", "/runs/{runId}/approve"), ("post", "/runs/{runId}/deny"),
    ("get", "/approvals"), ("get", "/triggers"), ("post", "/triggers/{triggerId}/fire"), ("get", "/schedules"),
    ("post", "/schedules"), ("delete", "/schedules/{scheduleId}"), ("post", "/schedules/{scheduleId}/pause"),
    ("post", "/schedules/{scheduleId}/resume"), ("get", "/schedules/{scheduleId}/preview"), ("get", "/sessions"),
    ("get", "/sessions/{sessionId}"), ("post", "/sessions/{sessionId}/resume"), ("post", "/sessions/prune"),
    ("delete", "/sessions/{sessionId}"), ("get", "/debug/breakpoints"), ("post", "/debug/breakpoints"),
    ("delete", "/debug/breakpoints/{stepId}"), ("get", "/debug/runs"), ("post", "/debug/runs/{runId}/release"),
    ("post", "/v1/chat/completions"), ("post", "/v1/responses"), ("get", "/v1/models"), ("post", "/hooks/{hookPath}"),
    ("get", "/audit"), ("get", "/audit/verify"), ("get", "/openapi.yaml"),
]

REQUIRED_METRICS = [
    "gw_build_info", "gw_gateway_paused", "gw_http_requests", "gw_http_request_duration_seconds",
    "gw_runs_in_flight", "gw_runs_waiting", "gw_approvals_pending", "gw_schedule_lateness_seconds",
    "gw_sessions", "gw_events_written",
]


def test_served_openapi_document_is_valid_and_covers_every_route(gateway):
    response = httpx.get(gateway.url + "/openapi.yaml")
    assert response.status_code == 200
    spec = yaml.safe_load(response.text)
    validate(spec)
    for method, path in DESIGN_ROUTES:
        assert method in spec["paths"].get(path, {}), f"{method.upper()} {path} missing from the spec"
        operation = spec["paths"][path][method]
        assert operation.get("operationId"), f"{path} has no operationId"


def test_every_operation_declares_its_errors_with_the_error_shape(gateway):
    spec = yaml.safe_load(httpx.get(gateway.url + "/openapi.yaml").text)
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method == "parameters":
                continue
            assert "default" in operation["responses"], f"{method} {path} declares no default error"


def test_metrics_parse_with_prometheus_client_and_name_every_required_family(gateway):
    with gateway.client() as client:
        client.get("/gateway")
        client.get("/pipelines/hello")
        text = client.get("/metrics").text
    families = {f.name: f for f in text_string_to_metric_families(text)}
    for name in REQUIRED_METRICS:
        assert name in families, f"{name} missing"
    routes = {s.labels.get("route") for s in families["gw_http_requests"].samples}
    assert "/pipelines/:pipelineId" in routes
    assert not any(r and "hello" in r for r in routes), "raw paths must never be labels"



def test_metrics_output_passes_promtool(gateway):
    promtool = shutil.which("promtool")
    assert promtool, "promtool (Debian package prometheus) must be installed"
    with gateway.client() as client:
        client.get("/gateway")
        text = client.get("/metrics").text
    result = subprocess.run([promtool, "check", "metrics"], input=text, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_metrics_need_a_token(gateway):
    assert httpx.get(gateway.url + "/metrics").status_code == 401
