#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Install the packaged kiosk (dist/kiosk, from `make package`) on a Debian 12 touchscreen PC
# so that it starts at boot. Run as root from the repository (or from an unpacked release
# that has dist/kiosk and build/ side by side):
#
#   sudo sh build/install-debian.sh
#
# What it does (docs/deploy.md): installs X (xinit, no desktop) and the libraries the bundle
# does not carry; creates the user "kiosk"; copies the bundle to /opt/station-kiosk; writes
# /etc/station-kiosk/kiosk.toml if there is none; installs and enables station-kiosk.service.
# Running it again updates the bundle and keeps the configuration and the data.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
BUNDLE=${BUNDLE:-$HERE/../dist/kiosk}
PREFIX=/opt/station-kiosk
CONFIG_DIR=/etc/station-kiosk
DATA_DIR=/var/lib/station-kiosk

if [ "$(id -u)" != 0 ]; then
    echo "Run as root: sudo sh $0" >&2
    exit 1
fi
if [ ! -x "$BUNDLE/kiosk" ]; then
    echo "No bundle at $BUNDLE: build it first with 'make package'." >&2
    exit 1
fi
# The kiosk starts at boot as a systemd service: without systemd nothing here would work, so
# say so before changing anything (a container or a minimal chroot has no systemd running).
if ! command -v systemctl >/dev/null 2>&1 || [ ! -d /run/systemd/system ]; then
    echo "This system does not run systemd (no systemctl, or /run/systemd/system missing)." >&2
    echo "The kiosk is installed as a systemd service; nothing was changed." >&2
    echo "Install it on Debian 12 booted with systemd, or start it by hand:" >&2
    echo "  $BUNDLE/kiosk --config /path/to/kiosk.toml" >&2
    exit 1
fi

echo "== system packages"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# X without a desktop; GL/EGL (the bundle uses the system's); xcb libraries Qt's xcb plugin
# loads; PulseAudio's client library for the virtual keyboard's key sounds; speech-dispatcher
# with espeak-ng's Mandarin voice for 朗读 (read-aloud).
apt-get install -y -qq --no-install-recommends \
    xserver-xorg-core xserver-xorg-input-libinput xserver-xorg-video-all xinit x11-xserver-utils \
    libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 \
    libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libpulse0 \
    libfontconfig1 libdbus-1-3 \
    espeak-ng speech-dispatcher speech-dispatcher-espeak-ng libspeechd2

echo "== user kiosk"
if ! id kiosk >/dev/null 2>&1; then
    useradd --system --create-home --home-dir /home/kiosk --shell /usr/sbin/nologin kiosk
fi
# The X server needs the input and video devices.
usermod -a -G video,input,tty kiosk
# Let a service (not only a console login) start the X server, rootless: the service may gain
# no privileges (NoNewPrivileges=); logind hands the session its devices.
mkdir -p /etc/X11/xorg.conf.d
cat > /etc/X11/Xwrapper.config <<'XWRAP'
allowed_users=anybody
needs_root_rights=no
XWRAP
# No VT switching, no Ctrl+Alt+Backspace (docs/security.md).
install -m 0644 "$HERE/10-station-kiosk.conf" /etc/X11/xorg.conf.d/10-station-kiosk.conf

echo "== the bundle in $PREFIX"
mkdir -p "$PREFIX.new"
cp -a "$BUNDLE/." "$PREFIX.new/"
install -m 0755 "$HERE/kiosk-session" "$PREFIX.new/kiosk-session"
if [ -d "$PREFIX" ]; then rm -rf "$PREFIX.old"; mv "$PREFIX" "$PREFIX.old"; fi
mv "$PREFIX.new" "$PREFIX"
rm -rf "$PREFIX.old"
ln -sf "$PREFIX/kiosk" /usr/local/bin/station-kiosk

echo "== configuration and data"
install -d -m 0755 "$CONFIG_DIR"
install -d -o kiosk -g kiosk -m 0750 "$DATA_DIR"
if [ ! -f "$CONFIG_DIR/kiosk.toml" ]; then
    cat > "$CONFIG_DIR/kiosk.toml" <<TOML
# Station kiosk configuration (keys: docs/deploy.md). Set the admin PIN with
#   sudo station-kiosk --config $CONFIG_DIR/kiosk.toml --set-admin-pin
data_dir = "$DATA_DIR"
language = "zh_CN"

[window]
fullscreen = true
TOML
fi
# The kiosk reads its configuration; only root changes it.
chown root:kiosk "$CONFIG_DIR/kiosk.toml"
chmod 0640 "$CONFIG_DIR/kiosk.toml"

echo "== service"
install -m 0644 "$HERE/station-kiosk.service" /etc/systemd/system/station-kiosk.service
systemctl daemon-reload
systemctl enable station-kiosk.service
systemctl set-default graphical.target >/dev/null
echo "Installed. Start it now with: systemctl restart station-kiosk"
echo "Check it with: sudo -u kiosk $PREFIX/kiosk --config $CONFIG_DIR/kiosk.toml --self-test"
