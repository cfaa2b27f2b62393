"""Well-behaved servers of the other target types, one per mode (first argument):

  text-generation   answers each row's "prompt" reversed (a string per row)
  transform         answers each row with its numeric values doubled (a row object per row)
  anomaly           answers an anomaly score per row: how far "amount" is from 100
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from contract_server import rows, serve

mode = sys.argv[1]


def text(X):
    return [(r.get("prompt") or "")[::-1] for r in rows(X)]


def transform(X):
    return [
        {c: (v * 2 if isinstance(v, (int, float)) else v) for c, v in r.items()} for r in rows(X)
    ]


def anomaly(X):
    return [abs((r.get("amount") or 100) - 100) / 100 for r in rows(X)]


serve({"text-generation": text, "transform": transform, "anomaly": anomaly}[mode])
