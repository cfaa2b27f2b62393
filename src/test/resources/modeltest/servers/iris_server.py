"""Stand-in for examples/11-iris-multiclass-ha.yaml (whose code is cloned from git): a Multiclass
model over the class labels setosa, versicolor, virginica, from petal length. A missing petal
length is imputed with the training median, so the model accepts null values."""
import math
import sys

sys.path.insert(0, __import__("os").path.dirname(__file__))
from contract_server import rows, serve

CENTRES = {"setosa": 1.5, "versicolor": 4.3, "virginica": 5.6}
MEDIAN_PETAL_LENGTH = 4.35


def predict(X):
    out = []
    for row in rows(X):
        length = row.get("petal_length")
        length = MEDIAN_PETAL_LENGTH if length is None else float(length)
        scores = {label: math.exp(-((length - c) ** 2)) for label, c in CENTRES.items()}
        total = sum(scores.values())
        out.append({label: s / total for label, s in scores.items()})
    return out


serve(predict)
