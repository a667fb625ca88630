"""Writes a root file system as a one-layer image in `docker save` format (what Jib's tar:// base reads).

usage: save_image.py ROOTFS OUTPUT.tar REPO:TAG
"""
import hashlib, io, json, os, sys, tarfile, tempfile

rootfs, output, tag = sys.argv[1:4]
with tempfile.TemporaryDirectory() as work:
    layer = os.path.join(work, "layer.tar")
    with tarfile.open(layer, "w", format=tarfile.PAX_FORMAT) as tar:
        for name in sorted(os.listdir(rootfs)):
            tar.add(os.path.join(rootfs, name), arcname=name)
    digest = hashlib.sha256()
    with open(layer, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    diff_id = "sha256:" + digest.hexdigest()
    config = json.dumps({
        "architecture": "amd64", "os": "linux",
        "config": {"Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                           "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64"],
                   "User": "10001:10001", "WorkingDir": "/home/finflow"},
        "rootfs": {"type": "layers", "diff_ids": [diff_id]},
        "history": [{"created_by": "deploy/images/build-base.sh (debootstrap bookworm + openjdk-17-jre-headless)"}],
    }).encode()
    config_name = hashlib.sha256(config).hexdigest() + ".json"
    manifest = json.dumps([{"Config": config_name, "RepoTags": [tag], "Layers": ["layer.tar"]}]).encode()
    with tarfile.open(output, "w") as image:
        image.add(layer, arcname="layer.tar")
        for name, data in ((config_name, config), ("manifest.json", manifest)):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            image.addfile(info, io.BytesIO(data))
