"""The model server contract, shared by the test servers: listen on $PORT under $URL_PREFIX;
GET $URL_PREFIX/ answers 200 when ready; POST $URL_PREFIX/predict_no_state/ takes
{"X": {column: [values]}} and answers {"predictions": [...]}.

serve(predict) runs a server whose predictions come from predict(X); a predict that raises
answers HTTP 500 with {"error": "<the exception>"}, as model runtimes do; a predict that returns
a str has it sent as the whole answer, as an HTML page (for servers that break the contract).
"""
import json
import os
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PREFIX = os.environ.get("URL_PREFIX", "").rstrip("/")


def serve(predict, ready=lambda: True, after_predict=lambda: None):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, fmt, *args):
            sys.stderr.write("%s\n" % (fmt % args))

        def reply(self, code, body):
            page = isinstance(body, str)
            data = (body if page else json.dumps(body)).encode()
            self.send_response(code)
            self.send_header("Content-Type", "text/html" if page else "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            self.wfile.flush()

        def do_GET(self):
            if self.path.rstrip("/") != PREFIX:
                return self.reply(404, {"error": "not found"})
            ok = ready()
            self.reply(200 if ok else 503, {"ready": ok})

        def do_POST(self):
            if self.path.rstrip("/") != PREFIX + "/predict_no_state":
                return self.reply(404, {"error": "not found"})
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            try:
                predictions = predict(body["X"])
            except Exception as e:  # the model failed: answer like a model runtime
                return self.reply(500, {"error": "%s: %s" % (type(e).__name__, e)})
            self.reply(200, predictions if isinstance(predictions, str) else {"predictions": predictions})
            after_predict()

    ThreadingHTTPServer(("127.0.0.1", int(os.environ.get("PORT", "8080"))), Handler).serve_forever()


def rows(X):
    """The request's rows as dicts (column -> value)."""
    columns = list(X)
    n = len(X[columns[0]]) if columns else 0
    return [{c: X[c][i] for c in columns} for i in range(n)]
