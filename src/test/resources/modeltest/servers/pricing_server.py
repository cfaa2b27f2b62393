"""Stand-in for examples/12-pricing-runtime-parameters.yaml (whose code is an image): a Regression
model suggesting a list price, cost plus the MARGIN runtime parameter it reads from
MLOPS_RUNTIME_PARAM_MARGIN ({"type": "numeric", "payload": 0.2}). A missing cost is imputed."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from contract_server import rows, serve

MARGIN = json.loads(os.environ.get("MLOPS_RUNTIME_PARAM_MARGIN", '{"payload": 0.15}'))["payload"]
MEDIAN_COST = 20.0


def predict(X):
    out = []
    for row in rows(X):
        cost = row.get("unit_cost")
        cost = MEDIAN_COST if cost is None else float(cost)
        stock = row.get("stock") or 0
        scarcity = 1.1 if stock < 10 else 1.0
        out.append(round(cost * (1 + MARGIN) * scarcity, 6))
    return out


serve(predict)
