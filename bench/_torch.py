"""PyTorch (CPU, one thread) on the report's workloads; prints JSON.

Usage: /usr/bin/python3 bench/_torch.py DIGITS_FILE
DIGITS_FILE holds the 8000 training digits of bench/_epoch.ts: 8000*784 float32
pixels, then 8000 uint8 labels (written by bench/report.ts).
"""
import json
import statistics
import sys
import time

import numpy as np
import torch

torch.set_num_threads(1)
torch.manual_seed(0)


def median_ms(fn, warmup=3, runs=10, min_ms=500):
    for _ in range(warmup):
        fn()
    times, start = [], time.perf_counter()
    while len(times) < runs or (time.perf_counter() - start) * 1000 < min_ms:
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


x = torch.rand(4 * 1024 * 1024)
dropout = median_ms(lambda: torch.nn.functional.dropout(x, 0.5, training=True))
a, b = torch.rand(256, 784), torch.rand(784, 256)
matmul = median_ms(lambda: a @ b)

raw = np.fromfile(sys.argv[1], dtype=np.uint8)
n = 8000
X = torch.from_numpy(raw[: n * 784 * 4].view(np.float32).reshape(n, 784).copy())
y = torch.from_numpy(raw[n * 784 * 4 :].astype(np.int64))
net = torch.nn.Sequential(
    torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Dropout(0.5),
    torch.nn.Linear(256, 128), torch.nn.ReLU(), torch.nn.Dropout(0.3),
    torch.nn.Linear(128, 10),
)
opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
loss_fn = torch.nn.CrossEntropyLoss()


def epoch():
    net.train()
    order = torch.randperm(n)
    for start in range(0, n, 64):
        idx = order[start : start + 64]
        opt.zero_grad()
        loss_fn(net(X[idx]), y[idx]).backward()
        opt.step()


def min_cpu_ms(fn, runs=3):
    """The smallest CPU time of this thread for one call (robust to other jobs' load)."""
    best = float("inf")
    for _ in range(runs):
        t = time.thread_time()
        fn()
        best = min(best, (time.thread_time() - t) * 1000)
    return best


epoch_ms = median_ms(epoch, warmup=1, runs=3, min_ms=0)
epoch_cpu_ms = min_cpu_ms(epoch)
print(json.dumps({
    "version": torch.__version__, "dropout": dropout, "matmul": matmul,
    "epoch": epoch_ms, "epochCpu": epoch_cpu_ms,
}))
