# Two commands on a fresh Debian machine: `make demo` and `make test` (both idempotent).
# Works as root (no sudo needed) and as a normal user with sudo.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMPS := .stamps
SUDO   := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
EXTRAS ?= dev,paddle
PADDLE_MODELS ?= models/paddle
DEMO_DATA ?= intake-data/demo

# Debian packages: OCR engine and Vietnamese model, PDF rendering, fonts for the sample
# generator (and OCR-B, which the MRZ-line model is trained on), headers to build tesserocr,
# Debian's chromium for the browser tests (Playwright drives it; no browser is ever
# downloaded).
APT_PACKAGES := tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng tesseract-ocr-osd poppler-utils \
	fonts-liberation2 fonts-dejavu-core fonts-ocr-b libtesseract-dev libleptonica-dev pkg-config \
	build-essential python3-venv python3-dev qpdf ghostscript chromium

.PHONY: help install system-deps venv demo test test-fast lint bench bench-quick samples clean paddle-models classifier-model name-line-model mrz-line-model

help:
	@echo "make demo   - install everything and process the bundled samples"
	@echo "make test   - install everything and run the test suite"
	@echo "make lint   - ruff"
	@echo "make bench  - slow benchmarks (see bench/README.md)"

install: system-deps venv

system-deps: $(STAMPS)/system-deps
$(STAMPS)/system-deps: Makefile
	@missing=""; for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	else echo "Debian packages present."; fi
	@mkdir -p $(STAMPS) && touch $@

venv: $(STAMPS)/venv
$(STAMPS)/venv: pyproject.toml $(STAMPS)/system-deps
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip setuptools wheel
	$(BIN)/python -m pip install -q -e ".[$(EXTRAS)]"
	@mkdir -p $(STAMPS) && touch $@

demo: install
	rm -rf $(DEMO_DATA)
	INTAKE_DATA_DIR=$(DEMO_DATA) $(BIN)/intake process samples/scans
	@echo; echo "Phone photos of ID cards (generated: card, front and back, photographed copy):"
	$(BIN)/intake samples generate --out $(DEMO_DATA)/phone-photos --n 4 --seed 20251124 \
		--profile photo --types id_card --dup-fraction 0 --reuse-fraction 0 --workers 1
	INTAKE_DATA_DIR=$(DEMO_DATA) $(BIN)/intake process $(DEMO_DATA)/phone-photos/*.jpg $(DEMO_DATA)/phone-photos/*.png
	@echo
	@echo "Warehouse: $(DEMO_DATA)  (try: INTAKE_DATA_DIR=$(DEMO_DATA) $(BIN)/intake export | head -c 2000)"

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-fast: install
	$(BIN)/python -m pytest -m "not slow" $(PYTEST_ARGS)

lint: venv
	$(BIN)/ruff check .

bench: install
	$(BIN)/python -m bench.run --mode full

bench-quick: install
	$(BIN)/python -m bench.run --mode quick

paddle-models: venv
	$(BIN)/python -m intake.ocr.paddle_models --out $(PADDLE_MODELS)
	@echo "Use them with: INTAKE_OCR_ENGINE=paddle INTAKE_PADDLE_MODELS_DIR=$(PADDLE_MODELS)"

classifier-model: venv
	$(BIN)/intake train --workers 2

# Retrains the card name-line recogniser shipped in intake/ocr/models/name_line.onnx
# (~40 minutes on 2 cores; PyTorch from the machine's wheel, used by this target only).
name-line-model: venv
	$(BIN)/python -m pip install -q -e ".[$(EXTRAS),train]"
	$(BIN)/python -m intake.ocr.name_line_train --steps 6000 --out intake/ocr/models/name_line.onnx

# Retrains the card back's MRZ-line recogniser shipped in intake/ocr/models/mrz_line.onnx
# (~50 minutes on 2 cores; draws its rows in OCR-B from Debian's fonts-ocr-b too).
mrz-line-model: venv system-deps
	$(BIN)/python -m pip install -q -e ".[$(EXTRAS),train]"
	$(BIN)/python -m intake.ocr.name_line_train --model mrz --steps 3000 --seed 2024 \
		--out intake/ocr/models/mrz_line.onnx

clean:
	rm -rf $(STAMPS) intake-data .pytest_cache
