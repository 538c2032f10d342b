"""Install the PP-OCR ONNX models for the ``paddle`` engine from an installed PyPI wheel.

Nothing is downloaded: the weights ship inside the ``rapidocr`` wheel (part of the
``paddle`` extra, ``pip install '.[paddle]'``) and are copied into the layout the engine and
PaddleOCR 3.x (``engine="onnxruntime"``) both read::

    DIR/
      det/inference.onnx  det/inference.yml   PP-OCRv6_small_det (text detection, DB)
      rec/inference.onnx  rec/inference.yml   PP-OCRv6_small_rec (recognition, CTC)
      cls/inference.onnx  cls/inference.yml   ch_ppocr_mobile_v2.0_cls (text line 0/180°)
      models.json                             source wheel, version and sha256 of each file

``inference.yml`` files are written in PaddleX's format (``Global.model_name``,
``PreProcess``, ``PostProcess``). The recognition dictionary is taken from the character
list embedded in the rapidocr ONNX file, the detection settings are the official
PP-OCRv6_small_det ones.

Usage: ``python -m intake.ocr.paddle_models --out DIR`` (``make paddle-models``). Running it
again is a no-op when the files are already in place.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

from intake.errors import IntakeError, OcrEngineMissingError

SOURCE_DIST = "rapidocr"
MANIFEST = "models.json"
MODEL_FILE = "inference.onnx"
CONFIG_FILE = "inference.yml"

#: Official PP-OCRv6_small_det pre/post-processing (PaddleX ``inference.yml`` of the model).
DET_CONFIG: dict[str, Any] = {
    "Global": {"model_name": "PP-OCRv6_small_det"},
    "PreProcess": {
        "transform_ops": [
            {"DecodeImage": {"channel_first": False, "img_mode": "BGR"}},
            {"DetLabelEncode": None},
            {"DetResizeForTest": None},
            {
                "NormalizeImage": {
                    "mean": [0.485, 0.456, 0.406],
                    "order": "hwc",
                    "scale": "1./255.",
                    "std": [0.229, 0.224, 0.225],
                }
            },
            {"ToCHWImage": None},
            {"KeepKeys": {"keep_keys": ["image", "shape", "polys", "ignore_tags"]}},
        ]
    },
    "PostProcess": {
        "name": "DBPostProcess",
        "thresh": 0.2,
        "box_thresh": 0.45,
        "max_candidates": 3000,
        "unclip_ratio": 1.4,
    },
}

REC_CONFIG: dict[str, Any] = {
    "Global": {"model_name": "PP-OCRv6_small_rec"},
    "PreProcess": {
        "transform_ops": [
            {"DecodeImage": {"channel_first": False, "img_mode": "BGR"}},
            {"RecResizeImg": {"image_shape": [3, 48, 320]}},
            {"KeepKeys": {"keep_keys": ["image", "length", "valid_ratio"]}},
        ]
    },
    # character_dict is filled in from the ONNX file's "character" metadata.
    "PostProcess": {"name": "CTCLabelDecode", "character_dict": []},
}

CLS_CONFIG: dict[str, Any] = {
    # Not a PaddleX model name: PaddleOCR 3.x's own text line orientation models are
    # PP-LCNet_*_textline_ori. Only the intake engine reads this one.
    "Global": {"model_name": "ch_ppocr_mobile_v2.0_cls"},
    "PreProcess": {
        "transform_ops": [
            {"DecodeImage": {"channel_first": False, "img_mode": "BGR"}},
            {"ClsResizeImg": {"image_shape": [3, 48, 192]}},
            {
                "NormalizeImage": {
                    "mean": [0.5, 0.5, 0.5],
                    "order": "hwc",
                    "scale": "1./255.",
                    "std": [0.5, 0.5, 0.5],
                }
            },
        ]
    },
    "PostProcess": {"name": "ClsPostProcess", "label_list": ["0", "180"]},
}


@dataclass(frozen=True, slots=True)
class ModelSpec:
    kind: str  # sub-directory: det | rec | cls
    wheel_path: str  # path inside the installed distribution
    config: dict[str, Any]
    required: bool = True


MODELS: tuple[ModelSpec, ...] = (
    ModelSpec("det", "rapidocr/models/PP-OCRv6_det_small.onnx", DET_CONFIG),
    ModelSpec("rec", "rapidocr/models/PP-OCRv6_rec_small.onnx", REC_CONFIG),
    ModelSpec("cls", "rapidocr/models/ch_ppocr_mobile_v2.0_cls_mobile.onnx", CLS_CONFIG, False),
)


def _missing_extra(detail: str) -> OcrEngineMissingError:
    return OcrEngineMissingError(
        f"Chưa cài gói mô hình PaddleOCR ({detail}). Cài: pip install '.[paddle]'. / "
        f"The PaddleOCR model wheel is not installed ({detail}); run: pip install '.[paddle]'."
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _atomic_write(dest: Path, data: bytes) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _atomic_copy(src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.")
    os.close(fd)
    try:
        shutil.copyfile(src, tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _embedded_characters(model: Path) -> list[str]:
    """The CTC character list rapidocr stores in the ONNX metadata (key ``character``)."""
    try:
        import onnxruntime as ort
    except ImportError as exc:
        raise _missing_extra("onnxruntime") from exc
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    session = ort.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
    text = session.get_modelmeta().custom_metadata_map.get("character")
    if not text:
        raise OcrEngineMissingError(
            f"{model} has no embedded character list; the {SOURCE_DIST} wheel layout changed."
        )
    return text.splitlines()


def _dump_yaml(config: dict[str, Any]) -> bytes:
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False).encode("utf-8")


def source_distribution() -> metadata.Distribution:
    """The installed wheel the models come from; a clear error when the extra is missing."""
    try:
        return metadata.distribution(SOURCE_DIST)
    except metadata.PackageNotFoundError as exc:
        raise _missing_extra(f"{SOURCE_DIST} not found") from exc


def install_models(out_dir: Path, *, log: Any = print) -> Path:
    """Copy the PP-OCR ONNX models from the installed ``rapidocr`` wheel into ``out_dir``.

    Idempotent: files whose content is already right are left untouched. Returns ``out_dir``.
    ``log`` receives one human-readable line per file (``print`` by default).
    """
    dist = source_distribution()
    wheel = f"{dist.metadata['Name']}=={dist.version}"
    out_dir = out_dir.expanduser()
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, Any] = {"source": wheel, "files": {}}

    for spec in MODELS:
        src = Path(str(dist.locate_file(spec.wheel_path)))
        if not src.is_file():
            if spec.required:
                raise _missing_extra(f"{spec.wheel_path} missing from {wheel}")
            log(f"skip     {spec.kind}/: {spec.wheel_path} not in {wheel}")
            continue

        onnx_dest = out_dir / spec.kind / MODEL_FILE
        digest = _sha256(src)
        if onnx_dest.is_file() and _sha256(onnx_dest) == digest:
            log(f"ok       {onnx_dest} (already from {wheel}:{spec.wheel_path})")
        else:
            _atomic_copy(src, onnx_dest)
            log(f"copied   {wheel}:{spec.wheel_path} -> {onnx_dest}")

        config = json.loads(json.dumps(spec.config))  # deep copy
        if spec.kind == "rec":
            config["PostProcess"]["character_dict"] = _embedded_characters(src)
        yml = _dump_yaml(config)
        yml_dest = out_dir / spec.kind / CONFIG_FILE
        if yml_dest.is_file() and yml_dest.read_bytes() == yml:
            log(f"ok       {yml_dest}")
        else:
            _atomic_write(yml_dest, yml)
            log(f"wrote    {yml_dest}")

        manifest["files"][f"{spec.kind}/{MODEL_FILE}"] = {
            "sha256": digest,
            "from": f"{wheel}:{spec.wheel_path}",
        }
        manifest["files"][f"{spec.kind}/{CONFIG_FILE}"] = {
            "sha256": hashlib.sha256(yml).hexdigest(),
            "from": "generated",
        }

    data = (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode("utf-8")
    manifest_path = out_dir / MANIFEST
    if not (manifest_path.is_file() and manifest_path.read_bytes() == data):
        _atomic_write(manifest_path, data)
    log(f"PaddleOCR models ready in {out_dir} (from {wheel})")
    return out_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m intake.ocr.paddle_models",
        description="Copy the PP-OCR ONNX models shipped in the rapidocr wheel into DIR "
        "(the folder to set as INTAKE_PADDLE_MODELS_DIR). Nothing is downloaded.",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="target folder (default: $INTAKE_PADDLE_MODELS_DIR)",
    )
    args = parser.parse_args(argv)
    out: Path | None = args.out
    if out is None:
        env = os.environ.get("INTAKE_PADDLE_MODELS_DIR")
        if not env:
            parser.error("--out DIR is required when INTAKE_PADDLE_MODELS_DIR is not set")
        out = Path(env)
    try:
        install_models(out)
    except IntakeError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
