# SPDX-License-Identifier: GPL-3.0-or-later
# `make demo` and `make test` set up everything they need on a fresh Debian 12 machine.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
QM := kiosk/translations/kiosk_zh_CN.qm kiosk/translations/kiosk_zh_TW.qm

# Qt's runtime libraries (offscreen and a real window under Xvfb) and the virtual keyboard's
# PulseAudio link: see ../shared/FACTS.md. Chromium and its driver: the phone pages' browser
# tests (docs/phone-pages.md). Mandarin read-aloud (朗读): speech-dispatcher with espeak-ng.
# PostgreSQL's server programs: the central tests run on SQLite and on a throwaway PostgreSQL
# cluster the tests start themselves (docs/testing.md); nothing uses Debian's own cluster.
# nginx: the sample site of docs/deploy-central.md is checked with `nginx -t` (never started).
APT_PACKAGES := libglib2.0-0 libgl1 libegl1 libxkbcommon0 libx11-6 libfreetype6 libfontconfig1 \
	libdbus-1-3 libbrotli1 libpulse0 xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 \
	libxcb-keysyms1 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 \
	libxkbcommon-x11-0 chromium chromium-driver \
	espeak-ng speech-dispatcher speech-dispatcher-espeak-ng libspeechd2 poppler-utils \
	postgresql nginx
APT_STAMP := $(VENV)/.system-libraries

.PHONY: demo demo-portrait test lint bench translations system-libraries setup clean package

setup: $(STAMP) $(QM)

system-libraries: $(APT_STAMP)
# Rechecked when this file changes (a package added to the list reaches existing setups).
$(APT_STAMP): Makefile
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
		| grep -q "install ok installed" || echo $$p; done); \
	if [ -z "$$missing" ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "Installing system libraries: $$missing"; \
		DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	else \
		echo "These system libraries are missing. Install them as root, then run make again:"; \
		echo "  sudo apt-get install --no-install-recommends $$missing"; exit 1; \
	fi
	@mkdir -p $(VENV) && touch $@

$(STAMP): pyproject.toml Makefile | $(APT_STAMP)
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# The venv's own setuptools (65.5.0 on Debian 12) has PYSEC-2022-43012.
	$(PY) -m pip install --quiet --upgrade 'setuptools>=70'
	$(PY) -m pip install --quiet -e '.[dev,postgres]'
	# Shiboken's support modules compiled once, not at every start (build/shiboken_support.py).
	$(PY) build/shiboken_support.py >/dev/null
	touch $@

translations: $(QM)
kiosk/translations/kiosk_%.qm: i18n/kiosk_%.ts | $(STAMP)
	mkdir -p kiosk/translations
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

demo: setup
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then $(PY) build/demo.py $(ARGS); \
	elif command -v xvfb-run >/dev/null; then \
		echo "No screen here: showing the demo on a virtual 1920x1080 screen (xvfb-run)."; \
		echo "Stop it with Ctrl+C. On a machine with a screen, 'make demo' opens it there."; \
		xvfb-run -a -s "-screen 0 1920x1080x24" $(PY) build/demo.py $(ARGS); \
	else $(PY) build/demo.py $(ARGS); fi

demo-portrait: ARGS = --windowed 1080x1920
demo-portrait: demo

lint: setup
	$(VENV)/bin/ruff check kiosk central tests bench build
	$(VENV)/bin/ruff format --check kiosk central tests bench build
	$(VENV)/bin/lint-imports
	$(PY) build/typecheck.py
	$(PY) build/qmllint.py
	$(PY) build/audit.py

# The one-dir bundle (kiosk.spec), rebuilt when anything it holds changed.
BUNDLE := dist/kiosk/kiosk
package: $(BUNDLE)
$(BUNDLE): kiosk.spec build/kiosk_entry.py build/package.py build/shiboken_support.py $(QM) \
		$(shell git ls-files kiosk assets 2>/dev/null) | $(STAMP)
	$(PY) build/package.py

# tests/test_package.py runs the bundle's self-test; here a missing bundle is a failure.
# The tests run in TEST_WORKERS processes (pytest-xdist), each taking the next test when free;
# `make test TEST_WORKERS=0` runs them in one process.
TEST_WORKERS ?= 2
test: setup lint package
	QT_QPA_PLATFORM=offscreen KIOSK_BUNDLE_REQUIRED=1 $(PY) -m pytest \
		$(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist worksteal) --durations=60

bench: setup
	@for script in bench/*.py; do echo "# $$script"; $(PY) $$script || exit 1; done

clean:
	rm -rf $(VENV) kiosk/translations/*.qm screenshots .pytest_cache dist build/pyinstaller
