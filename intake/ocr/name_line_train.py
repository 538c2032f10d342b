"""Train the name-line or MRZ-line recogniser (`name_line`, `mrz_line`) and export it to ONNX.

    python -m intake.ocr.name_line_train [--model name|mrz] [--steps 6000] [--seed 1234]
                                         [--out PATH] [--init ONNX --lr 5e-4]
                                         [--checkpoint PATH --checkpoint-every 1000]

(`make name-line-model`; ``--model mrz`` trains the MRZ-line recogniser instead
(`intake.ocr.mrz_line`, on `mrz_line_synth`'s rows, `make mrz-line-model`), the same network
with its own input size and classes. Needs PyTorch, ``pip install torch==2.13.0 onnx``,
which only this tool uses: the service reads the exported ONNX file with ONNX Runtime.)

A CRNN: five 3x3 convolution blocks (16-32-64-64-96 channels, two 2x2 and one 2x1 pooling,
so a frame is 4 input columns), the remaining rows (4 of the name model's 32, 3 of the MRZ
model's 24) flattened and projected to 160, one bidirectional LSTM of 112, and the CTC
classes; 443,000 weights for names. It is trained on endless synthetic bands
(`name_line_synth`, one worker process drawing them) in batches of 48 with AdamW, the
learning rate on a cosine from 2e-3, CTC loss. 6,000 steps take ~40 minutes on the two
cores of the development machine; the MRZ model's 3,000 steps (seed 2024, rows three times
as wide) took 74 minutes there beside other work.

``--init`` goes on from an exported model instead of from random weights (the export folds
each batch normalisation into its convolution, so those layers start as the identity with
the folded bias and keep their statistics frozen), usually with a lower ``--lr``, so a
longer training need not start again from scratch.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, IterableDataset

from intake.ocr import mrz_line, name_line
from intake.ocr.mrz_line_synth import random_line, render_row
from intake.ocr.name_line_synth import random_name, render_band


def threads(wanted: int) -> int:
    """The OpenMP threads PyTorch may use: ``wanted``, or fewer under ``OMP_THREAD_LIMIT``.

    `intake.ocr.tesseract` sets ``OMP_THREAD_LIMIT=1`` for Tesseract when imported; PyTorch
    imported after that and asked for more threads than the limit silently skips work (the
    name-line network's scores came out up to 20 off the export's, with two threads under
    a limit of one), so it is held to the limit."""
    limit = os.environ.get("OMP_THREAD_LIMIT", "")
    return min(wanted, int(limit)) if limit.isdigit() and int(limit) > 0 else wanted


torch.set_num_threads(threads(torch.get_num_threads()))


@dataclass(frozen=True, slots=True)
class Task:
    """What one recogniser is trained on: its classes, input size, samples and file."""

    charset: str
    height: int
    width: int
    text: Callable[[random.Random], str]
    band: Callable[[random.Random, str], np.ndarray]
    to_input: Callable[[np.ndarray], np.ndarray]
    encode: Callable[[str], list[int]]
    decode: Callable[[np.ndarray], str]
    model: Path


TASKS = {
    "name": Task(name_line.CHARSET, name_line.HEIGHT, name_line.WIDTH, random_name, render_band,
                 name_line.to_input, name_line.encode, name_line.greedy, name_line.MODEL),
    "mrz": Task(mrz_line.CHARSET, mrz_line.HEIGHT, mrz_line.WIDTH, random_line, render_row,
                mrz_line.to_mrz_input, mrz_line.encode, mrz_line.decode, mrz_line.MODEL),
}


class _Bands(IterableDataset):  # type: ignore[type-arg]
    def __init__(self, seed: int, task: Task) -> None:
        self.seed = seed
        self.task = task

    def __iter__(self) -> Iterator[tuple[torch.Tensor, list[int], str]]:
        info = torch.utils.data.get_worker_info()
        rng = random.Random(self.seed + (info.id if info else 0) * 7919)
        task = self.task
        while True:
            text = task.text(rng)
            yield (torch.from_numpy(task.to_input(task.band(rng, text)))[None],
                   task.encode(text), text)


def _batch(items: list[tuple[torch.Tensor, list[int], str]]) -> tuple[Any, ...]:
    labels = [label for _, label, _ in items]
    return (torch.stack([x for x, _, _ in items]), torch.tensor([c for y in labels for c in y]),
            torch.tensor([len(y) for y in labels]), [text for _, _, text in items])


def _block(into: int, out: int) -> list[nn.Module]:
    return [nn.Conv2d(into, out, 3, padding=1, bias=False), nn.BatchNorm2d(out),
            nn.ReLU(inplace=True)]


class NameLineNet(nn.Module):
    """CRNN: B x 1 x height x W grey in, B x W/4 x (1 + len(charset)) scores out."""

    def __init__(self, task: Task = TASKS["name"]) -> None:
        super().__init__()
        self.cnn = nn.Sequential(*_block(1, 16), nn.MaxPool2d(2),
                                 *_block(16, 32), nn.MaxPool2d(2),
                                 *_block(32, 64), *_block(64, 64), nn.MaxPool2d((2, 1)),
                                 *_block(64, 96))
        self.proj = nn.Linear(96 * (task.height // 8), 160)
        self.rnn = nn.LSTM(160, 112, num_layers=1, bidirectional=True, batch_first=True)
        self.out = nn.Linear(224, len(task.charset) + 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        features = self.cnn(x)
        b, c, h, t = features.shape
        frames = features.permute(0, 3, 1, 2).reshape(b, t, c * h)
        frames, _ = self.rnn(torch.relu(self.proj(frames)))
        out: torch.Tensor = self.out(frames)
        return out


def load_onnx(model: NameLineNet, path: Path) -> NameLineNet:
    """``model`` with the weights of an exported one (`export`). The export folded each
    batch normalisation into its convolution, so the normalisation becomes the identity
    plus the folded bias; ONNX orders an LSTM's gates i, o, f, c where PyTorch has i, f, g, o,
    and keeps each direction's two biases in one row."""
    import onnx
    from onnx import numpy_helper

    graph = onnx.load(str(path)).graph
    w = {i.name: torch.from_numpy(numpy_helper.to_array(i).copy()) for i in graph.initializer}
    convs = [m for m in model.cnn if isinstance(m, nn.Conv2d)]
    norms = [m for m in model.cnn if isinstance(m, nn.BatchNorm2d)]
    matmuls = [n for n in graph.node if n.op_type == "MatMul"]
    lstm = next(n for n in graph.node if n.op_type == "LSTM")
    with torch.no_grad():
        for node, conv, norm in zip([n for n in graph.node if n.op_type == "Conv"], convs,
                                    norms, strict=True):
            conv.weight.copy_(w[node.input[1]])
            norm.weight.fill_(1.0)
            norm.bias.copy_(w[node.input[2]])
            norm.running_mean.zero_()
            norm.running_var.fill_(1.0 - norm.eps)
        model.proj.weight.copy_(w[matmuls[0].input[1]].T)
        model.proj.bias.copy_(w["proj.bias"])
        model.out.weight.copy_(w[matmuls[1].input[1]].T)
        model.out.bias.copy_(w["out.bias"])
        inputs, recurrent, biases = (w[lstm.input[k]] for k in (1, 2, 3))
        size = recurrent.shape[2]

        def gates(t: torch.Tensor) -> torch.Tensor:
            return torch.cat([t[k * size:(k + 1) * size] for k in (0, 2, 3, 1)])

        for d, suffix in enumerate(("_l0", "_l0_reverse")):
            getattr(model.rnn, "weight_ih" + suffix).copy_(gates(inputs[d]))
            getattr(model.rnn, "weight_hh" + suffix).copy_(gates(recurrent[d]))
            getattr(model.rnn, "bias_ih" + suffix).copy_(gates(biases[d][:4 * size]))
            getattr(model.rnn, "bias_hh" + suffix).copy_(gates(biases[d][4 * size:]))
    return model


def _training_mode(model: NameLineNet, frozen_norms: bool) -> None:
    model.train()
    for norm in model.cnn:
        if frozen_norms and isinstance(norm, nn.BatchNorm2d):
            norm.eval()


def train(steps: int, seed: int, log_every: int = 100, init: Path | None = None,
          lr: float = 2e-3, checkpoint: Path | None = None,
          checkpoint_every: int = 1000, task: Task = TASKS["name"]) -> NameLineNet:
    """The trained network; with ``checkpoint``, also exported there every
    ``checkpoint_every`` steps, so a run cut short (a session's end) leaves a model."""
    torch.manual_seed(seed)
    torch.set_num_threads(threads(2))
    model = NameLineNet(task)
    if init is not None:
        load_onnx(model, init)
    _training_mode(model, init is not None)
    loader = DataLoader(_Bands(seed, task), batch_size=48, collate_fn=_batch, num_workers=1)
    optimiser = torch.optim.AdamW(model.parameters(), lr, weight_decay=1e-4)
    ctc = nn.CTCLoss(zero_infinity=True)
    started, running = time.time(), None
    for step, (x, labels, lengths, texts) in enumerate(loader, 1):
        for group in optimiser.param_groups:
            group["lr"] = lr * (0.05 + 0.475 * (1 + np.cos(np.pi * (step - 1) / steps)))
        logits = model(x)
        logp = logits.log_softmax(2).permute(1, 0, 2)
        loss = ctc(logp, labels, torch.full((x.shape[0],), logp.shape[0], dtype=torch.long),
                   lengths)
        optimiser.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 5)
        optimiser.step()
        running = loss.item() if running is None else 0.98 * running + 0.02 * loss.item()
        if step % log_every == 0:
            read = [task.decode(row.detach().numpy()) for row in logits]
            exact = sum(r == t for r, t in zip(read, texts, strict=True)) / len(texts)
            print(f"step {step}/{steps} {time.time() - started:.0f}s loss {running:.3f} "
                  f"batch exact {exact:.2f}", flush=True)
        if step >= steps:
            break
        if checkpoint is not None and step % checkpoint_every == 0:
            export(model.eval(), checkpoint, task)
            _training_mode(model, init is not None)
    return model.eval()


def export(model: NameLineNet, out: Path, task: Task = TASKS["name"]) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    torch.onnx.export(model, torch.ones(1, 1, task.height, task.width), str(out),
                      input_names=["image"],
                      output_names=["logits"], opset_version=17, dynamo=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", choices=sorted(TASKS), default="name",
                        help="which recogniser: the name line's or the MRZ rows'")
    parser.add_argument("--steps", type=int, default=6000)
    parser.add_argument("--seed", type=int, default=1234)
    parser.add_argument("--out", type=Path, default=None,
                        help="where to write the model (default: the one the package ships)")
    parser.add_argument("--init", type=Path, default=None,
                        help="go on from this exported model instead of random weights")
    parser.add_argument("--lr", type=float, default=2e-3, help="the cosine's peak")
    parser.add_argument("--checkpoint", type=Path, default=None,
                        help="export the model here every --checkpoint-every steps too")
    parser.add_argument("--checkpoint-every", type=int, default=1000)
    args = parser.parse_args()
    task = TASKS[args.model]
    out = args.out or task.model
    export(train(args.steps, args.seed, init=args.init, lr=args.lr,
                 checkpoint=args.checkpoint, checkpoint_every=args.checkpoint_every, task=task),
           out, task)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
