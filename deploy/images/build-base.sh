#!/usr/bin/env bash
# Builds Finflow's container base image from Debian packages, without a container engine or registry:
# debootstrap (Debian bookworm, minbase) + the Java 17 runtime + curl (for health checks), a user "finflow"
# (uid/gid 10001) for the services to run as, saved as a `docker save` tarball that Jib takes as its base
# (tar://deploy/images/target/finflow-base.tar). Needs root (debootstrap) and Debian's package mirror.
#   deploy/images/build-base.sh            # -> deploy/images/target/finflow-base.tar
set -euo pipefail
cd "$(dirname "$0")"
out=target
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
rootfs="$out/rootfs"
command -v debootstrap >/dev/null || (apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null)
rm -rf "$rootfs" && mkdir -p "$rootfs"
debootstrap --variant=minbase --include=openjdk-17-jre-headless,curl,ca-certificates \
  bookworm "$rootfs" "$mirror" >"$out/debootstrap.log"
# The service user (non-root); /tmp stays writable for Spring Boot and DJL's native library.
echo 'finflow:x:10001:10001:Finflow:/home/finflow:/usr/sbin/nologin' >>"$rootfs/etc/passwd"
echo 'finflow:x:10001:' >>"$rootfs/etc/group"
mkdir -p "$rootfs/home/finflow" && chown 10001:10001 "$rootfs/home/finflow"
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/*
python3 save_image.py "$rootfs" "$out/finflow-base.tar" finflow/base:bookworm-jre17
rm -rf "$rootfs"
ls -l "$out/finflow-base.tar"
