"""A fake OpenAI-compatible backend (`POST /v1/chat/completions`) over real HTTP, for `infer` tests and benches.

The request's `model` picks the behaviour:
- anything else: streams the words of REPLY (or answers one JSON object when `stream` is false)
- `flaky`: the first call answers 429 with `retry-after-ms`, later calls succeed
- `down`: always 500
- `json`: replies `{"answer": 42}`
- `echo`: replies with the last message's content, word by word
- `cadence-N-MS`: streams N tokens, one every MS milliseconds; each token is `t=<send time>;`
Every request is recorded (path, headers, body) in `requests`.
"""
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

REPLY = "Hello from the fake backend"
USAGE = {"prompt_tokens": 7, "completion_tokens": 5, "total_tokens": 12}


class FakeLLM:
    def __init__(self):
        self.requests = []
        self.calls = {}
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                with fake.lock:
                    fake.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
                    model = body.get("model", "")
                    fake.calls[model] = fake.calls.get(model, 0) + 1
                    count = fake.calls[model]
                fake.answer(self, body, model, count)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def answer(self, handler, body, model, count):
        if model == "flaky" and count == 1:
            return self.error(handler, 429, "slow down", {"retry-after-ms": "50"})
        if model == "down":
            return self.error(handler, 500, "backend is down")
        if model.startswith("cadence-"):
            _, n, ms = model.split("-")
            return self.stream(handler, body, (f"t={time.time():.6f};" for _ in range(int(n))), float(ms) / 1000)
        text = json.dumps({"answer": 42}) if model == "json" else REPLY
        if model == "echo":
            text = str((body.get("messages") or [{}])[-1].get("content", ""))
        words = [w + " " for w in text.split(" ")]
        words[-1] = words[-1].rstrip()
        if not body.get("stream"):
            return self.json(handler, 200, {"id": "x", "object": "chat.completion", "model": model, "usage": USAGE,
                                            "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                                                         "finish_reason": "stop"}]})
        self.stream(handler, body, iter(words), 0.0)

    def stream(self, handler, body, tokens, interval):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/event-stream")
        handler.send_header("Connection", "close")
        handler.end_headers()
        model = body.get("model", "")

        def send(obj):
            handler.wfile.write(f"data: {json.dumps(obj)}\n\n".encode())
            handler.wfile.flush()

        send(chunk(model, {"role": "assistant", "content": ""}))
        while True:
            if interval:
                time.sleep(interval)
            token = next(tokens, None)
            if token is None:
                break
            send(chunk(model, {"content": token}))
        send(chunk(model, {}, finish="stop"))
        if body.get("stream_options", {}).get("include_usage"):
            send({"id": "x", "object": "chat.completion.chunk", "model": model, "choices": [], "usage": USAGE})
        handler.wfile.write(b"data: [DONE]\n\n")
        handler.wfile.flush()
        handler.close_connection = True

    def error(self, handler, status, message, headers=None):
        self.json(handler, status, {"error": {"message": message, "type": "server_error", "code": None}}, headers)

    def json(self, handler, status, obj, headers=None):
        data = json.dumps(obj).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            handler.send_header(k, v)
        handler.end_headers()
        handler.wfile.write(data)


def chunk(model, delta, finish=None):
    return {"id": "x", "object": "chat.completion.chunk", "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}


if __name__ == "__main__":
    with FakeLLM() as fake:
        print(fake.url, flush=True)
        fake.thread.join()
