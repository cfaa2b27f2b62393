"""Deliberately broken model servers, one behaviour per mode (first argument):

  crash-on-null     a Regression model that fails (HTTP 500) on any null value
  stateful          a Regression model whose predictions grow with each request it served
  dies-after N      a Regression model whose process exits after answering N prediction requests
  wrong-count       answers one prediction fewer than the rows it was sent
  wrong-labels      a Binary model answering probabilities for the labels "1" and "0"
  bad-sum           a Binary model whose two probabilities sum to 1.4
  not-json          answers 200 with an HTML page
  never-ready       GET / answers 503 forever
  slow MS           a Regression model that takes MS milliseconds per request (parallel clients ok)

The Regression prediction is the sum of the row's numeric values.
"""
import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
from contract_server import rows, serve

mode = sys.argv[1]
served = {"predict": 0}
lock = threading.Lock()


def total(row):
    s = 0.0
    for column, value in row.items():
        if value is None:
            raise ValueError("column %s has a null value" % column)
        if isinstance(value, (int, float)):
            s += value
    return s


def regression(X):
    return [total(r) for r in rows(X)]


def with_nulls_as_zero(X):
    return [total({c: (0 if v is None else v) for c, v in r.items()}) for r in rows(X)]


if mode == "crash-on-null":
    serve(regression)
elif mode == "stateful":
    def stateful(X):
        with lock:
            served["predict"] += 1
            calls = served["predict"]
        return [p + calls for p in with_nulls_as_zero(X)]
    serve(stateful)
elif mode == "dies-after":
    limit = int(sys.argv[2])

    def count():
        with lock:
            served["predict"] += 1
            if served["predict"] >= limit:
                sys.stderr.write("dying after %d prediction requests\n" % limit)
                sys.stderr.flush()
                os._exit(3)
    serve(with_nulls_as_zero, after_predict=count)
elif mode == "wrong-count":
    serve(lambda X: with_nulls_as_zero(X)[1:])
elif mode == "wrong-labels":
    serve(lambda X: [{"1": 0.25, "0": 0.75} for _ in rows(X)])
elif mode == "bad-sum":
    serve(lambda X: [{"yes": 0.7, "no": 0.7} for _ in rows(X)])
elif mode == "not-json":
    serve(lambda X: "<html><body>Internal page</body></html>")
elif mode == "never-ready":
    serve(with_nulls_as_zero, ready=lambda: False)
elif mode == "slow":
    delay = int(sys.argv[2]) / 1000.0

    def slow(X):
        time.sleep(delay)
        return with_nulls_as_zero(X)
    serve(slow)
else:
    sys.exit("unknown mode " + mode)
