#!/usr/bin/env python3
"""Stages the root filesystem of each image target from local files only (no base image pull).

For every target (mini, base, full, xtra) it computes the files that target adds on top of the
previous one, copies the shared libraries `ldd` reports (plus the ones .NET and the codecs dlopen),
and writes a deterministic layer tarball: sorted names, fixed mtime (SOURCE_DATE_EPOCH), numeric
owners, explicit modes, no setuid bits. It also writes a file list per target and an image
archive (docker-archive format, loadable with `docker load`) whose digest depends only on the
content, so two builds of the same commit give the same image ID.

Usage: stage.py --publish DIR --out DIR [--epoch N] [--targets mini,base,full,xtra] [--version V]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
from dataclasses import dataclass, field

UID = 10001
TARGETS = ["mini", "base", "full", "xtra"]

# Libraries loaded with dlopen (not visible to ldd of the executable).
DLOPEN_MINI = ["libssl.so.3", "libcrypto.so.3"]
CODECS_FULL = ["libopus.so.0", "libbcg729.so.0", "libgsm.so.1", "libspandsp.so.2", "libsrtp2.so.1",
               "libpulse.so.0", "libpulse-simple.so.0"]
LIB_DIRS = ["/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu"]
SOUNDS = "/usr/share/asterisk/sounds"
SOUNDS_VOICE = "en_US_f_Allison"

# Paths the reference configs name, pointing into the persistent tree.
PERSIST_LINKS = {
    "/etc/asterisk": "/srv/etc/asterisk",
    "/etc/ssl/asterisk": "/srv/etc/ssl/asterisk",
    "/etc/docker": "/srv/etc/docker",
    "/var/spool/asterisk": "/srv/var/spool/asterisk",
    "/var/log/asterisk": "/srv/var/log/asterisk",
    "/var/lib/asterisk": "/srv/var/lib/asterisk",
}
SRV_DIRS = ["/srv", "/srv/etc", "/srv/etc/asterisk", "/srv/etc/ssl", "/srv/etc/ssl/asterisk", "/srv/var",
            "/srv/var/spool", "/srv/var/spool/asterisk", "/srv/var/spool/asterisk/outgoing",
            "/srv/var/spool/asterisk/outgoing_done", "/srv/var/spool/asterisk/voicemail",
            "/srv/var/spool/asterisk/staging", "/srv/var/log", "/srv/var/log/asterisk", "/srv/var/lib",
            "/srv/var/lib/asterisk"]


@dataclass
class Entry:
    path: str            # absolute path inside the image
    kind: str            # "file", "dir", "link"
    mode: int = 0o644
    uid: int = 0
    gid: int = 0
    source: str | None = None   # host file to copy (kind == file)
    data: bytes | None = None   # literal content (kind == file)
    target: str | None = None   # symlink target (kind == link)
    package: str | None = None  # Debian package the file came from (SBOM)


@dataclass
class Layer:
    name: str
    entries: dict[str, Entry] = field(default_factory=dict)


def run(cmd: list[str]) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def ldd(path: str) -> list[str]:
    """Library paths (as the loader names them) that `path` needs, including the loader."""
    out = subprocess.run(["ldd", path], capture_output=True, text=True)
    if out.returncode != 0:
        if "not a dynamic executable" in out.stdout + out.stderr:
            return []
        raise SystemExit(f"ldd {path} failed: {out.stderr.strip()}")
    libs = []
    for line in out.stdout.splitlines():
        line = line.strip()
        if "=>" in line:
            _, rest = line.split("=>", 1)
            rest = rest.strip()
            if rest.startswith("not found"):
                raise SystemExit(f"{path}: missing library: {line}")
            libs.append(rest.split(" (")[0].strip())
        elif line.startswith("/"):
            libs.append(line.split(" (")[0].strip())
    return [p for p in libs if p.startswith("/")]


def find_lib(soname: str) -> str:
    for d in LIB_DIRS:
        p = os.path.join(d, soname)
        if os.path.exists(p):
            return p
    raise SystemExit(f"library {soname} not found on this machine (install its Debian package)")


_DPKG_FILES: dict[str, str] | None = None
_DPKG_VERSIONS: dict[str, str] = {}


def _dpkg_files() -> dict[str, str]:
    """path -> package (with :arch when dpkg lists it so), from dpkg's file lists (one pass, no dpkg -S per file)."""
    global _DPKG_FILES
    if _DPKG_FILES is None:
        _DPKG_FILES = {}
        info = "/var/lib/dpkg/info"
        if os.path.isdir(info):
            for name in sorted(os.listdir(info)):
                if name.endswith(".list"):
                    pkg = name[: -len(".list")]
                    with open(os.path.join(info, name), encoding="utf-8", errors="replace") as f:
                        for line in f:
                            _DPKG_FILES.setdefault(line.rstrip("\n"), pkg)
    return _DPKG_FILES


def deb_package(path: str) -> str | None:
    """The Debian package owning `path` (trying the /usr-merged twin too), as name=version."""
    candidates = [path, os.path.realpath(path)]
    for c in list(candidates):
        if c.startswith("/usr/lib/"):
            candidates.append(c[len("/usr"):])
        elif c.startswith("/lib/"):
            candidates.append("/usr" + c)
    files = _dpkg_files()
    for c in candidates:
        pkg = files.get(c)
        if pkg:
            if pkg not in _DPKG_VERSIONS:
                _DPKG_VERSIONS[pkg] = subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg],
                                                     capture_output=True, text=True).stdout.strip()
            return f"{pkg.split(':')[0]}={_DPKG_VERSIONS[pkg]}"
    return None


class Stager:
    def __init__(self, publish: str, version: str):
        self.publish = publish
        self.version = version
        self.seen: set[str] = set()
        self.layers: list[Layer] = []
        self.current: Layer | None = None

    def layer(self, name: str) -> Layer:
        self.current = Layer(name)
        self.layers.append(self.current)
        return self.current

    def add(self, e: Entry) -> None:
        assert self.current is not None
        if e.path in self.seen:
            return
        parent = os.path.dirname(e.path)
        if parent != "/" and parent not in self.seen:
            self.add(Entry(parent, "dir", 0o755))
        self.seen.add(e.path)
        self.current.entries[e.path] = e

    def add_file(self, path: str, source: str, mode: int = 0o644, package: bool = True) -> None:
        self.add(Entry(path, "file", mode, source=os.path.realpath(source),
                       package=deb_package(source) if package else None))

    def add_libs_of(self, binary: str) -> None:
        for lib in ldd(binary):
            self.add_file(lib, lib, 0o755 if "ld-linux" in lib else 0o644)

    def add_lib(self, soname: str) -> None:
        path = find_lib(soname)
        self.add_file(path, path)
        self.add_libs_of(path)

    # ---- targets -------------------------------------------------------------------------------

    def mini(self) -> None:
        self.layer("mini")
        for d in ["/etc", "/usr", "/usr/bin", "/usr/sbin", "/usr/share", "/var", "/var/lib", "/var/log", "/var/spool", "/run"]:
            self.add(Entry(d, "dir", 0o755))
        self.add(Entry("/tmp", "dir", 0o1777))
        for d in SRV_DIRS:
            self.add(Entry(d, "dir", 0o750 if d.endswith("ssl/asterisk") else 0o755, UID, UID))
        for link, target in sorted(PERSIST_LINKS.items()):
            self.add(Entry(link, "link", 0o777, target=target))
        self.add(Entry("/etc/passwd", "file", 0o644, data=b"root:x:0:0:root:/root:/sbin/nologin\n"
                       b"switchboard:x:10001:10001:Switchboard PBX:/srv:/sbin/nologin\n"))
        self.add(Entry("/etc/group", "file", 0o644, data=b"root:x:0:\nswitchboard:x:10001:\n"))
        self.add(Entry("/etc/nsswitch.conf", "file", 0o644, data=b"passwd: files\ngroup: files\nhosts: files dns\n"))
        # Generated by update-ca-certificates (not in dpkg's lists): attribute it to ca-certificates.
        ca = "/etc/ssl/certs/ca-certificates.crt"
        ca_version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "ca-certificates"], capture_output=True, text=True).stdout.strip()
        self.add(Entry(ca, "file", 0o644, source=os.path.realpath(ca), package=f"ca-certificates={ca_version}" if ca_version else None))

        binary = os.path.join(self.publish, "switchboard")
        if not os.path.exists(binary):
            raise SystemExit(f"{binary} missing: publish first")
        self.add_file("/usr/bin/switchboard", binary, 0o755, package=False)
        self.add_libs_of(binary)
        # Native libraries shipped by NuGet packages (e_sqlite3 ...) sit next to the binary.
        for name in sorted(os.listdir(self.publish)):
            if name.endswith(".so") or ".so." in name:
                src = os.path.join(self.publish, name)
                self.add_file("/usr/bin/" + name, src, 0o644, package=False)
                self.add_libs_of(src)
        for soname in DLOPEN_MINI:
            self.add_lib(soname)

    def base(self) -> None:
        self.layer("base")
        self.add_file("/usr/sbin/nft", "/usr/sbin/nft", 0o755)
        self.add_libs_of("/usr/sbin/nft")
        # PrivateDial's AGI(${APP_SMS},...) runs /usr/local/bin/websms: the same binary, which dispatches on argv[0].
        self.add(Entry("/usr/local", "dir", 0o755))
        self.add(Entry("/usr/local/bin", "dir", 0o755))
        self.add(Entry("/usr/local/bin/websms", "link", 0o777, target="/usr/bin/switchboard"))

    def full(self) -> None:
        self.layer("full")
        for soname in CODECS_FULL:
            self.add_lib(soname)

    def xtra(self) -> None:
        self.layer("xtra")
        voice = os.path.join(SOUNDS, SOUNDS_VOICE)
        if not os.path.isdir(voice):
            raise SystemExit(f"{voice} missing: apt-get install asterisk-core-sounds-en-wav asterisk-core-sounds-en-gsm")
        for root, dirs, files in os.walk(voice):
            dirs.sort()
            for f in sorted(files):
                src = os.path.join(root, f)
                if os.path.isfile(src):
                    self.add_file(src, src, 0o644)
        for alias in ["en", "en_US"]:
            self.add(Entry(os.path.join(SOUNDS, alias), "link", 0o777, target=SOUNDS_VOICE))


# ---- output --------------------------------------------------------------------------------------

def write_tar(layer: Layer, path: str, epoch: int) -> None:
    with open(path, "wb") as raw:
        with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
            for p in sorted(layer.entries):
                e = layer.entries[p]
                info = tarfile.TarInfo(p.lstrip("/"))
                info.mtime = epoch
                info.uid, info.gid = e.uid, e.gid
                info.uname = info.gname = ""
                info.mode = e.mode & 0o1777  # never setuid/setgid
                if e.kind == "dir":
                    info.type = tarfile.DIRTYPE
                    tar.addfile(info)
                elif e.kind == "link":
                    info.type = tarfile.SYMTYPE
                    info.linkname = e.target or ""
                    tar.addfile(info)
                else:
                    data = e.data if e.data is not None else open(e.source, "rb").read()
                    info.size = len(data)
                    tar.addfile(info, io.BytesIO(data))


def sha256_file(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def image_config(target: str, diff_ids: list[str], epoch: int, version: str) -> dict:
    created = __import__("datetime").datetime.fromtimestamp(epoch, __import__("datetime").timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        "architecture": "amd64",
        "os": "linux",
        "created": created,
        "config": {
            "User": f"{UID}:{UID}",
            "Env": ["PATH=/usr/bin:/usr/sbin", "SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt",
                    "SWITCHBOARD_DATA_DIR=/srv"],
            "Entrypoint": ["/usr/bin/switchboard"],
            "Cmd": ["run", "--data-dir", "/srv"],
            "WorkingDir": "/srv",
            "ExposedPorts": {p: {} for p in ["5060/udp", "5060/tcp", "5061/tcp", "5038/tcp", "80/tcp"]
                             + [f"{n}/udp" for n in range(10000, 10100)]},
            "Volumes": {"/srv": {}},
            "StopSignal": "SIGTERM",
            "Healthcheck": {"Test": ["CMD", "/usr/bin/switchboard", "healthcheck", "--data-dir", "/srv"],
                            "Interval": 30_000_000_000, "Timeout": 10_000_000_000,
                            "StartPeriod": 10_000_000_000, "Retries": 3},
            "Labels": {"org.opencontainers.image.title": "switchboard",
                       "org.opencontainers.image.version": version,
                       "org.opencontainers.image.description": f"Switchboard IP PBX ({target})"},
        },
        "rootfs": {"type": "layers", "diff_ids": diff_ids},
        "history": [{"created": created, "created_by": f"stage.py layer {t}"} for t in TARGETS[: len(diff_ids)]],
    }


def write_archive(out: str, target: str, layer_tars: list[str], epoch: int, version: str, repo: str) -> str:
    """docker-archive (docker load) of `target`; returns the image ID (config digest)."""
    diff_ids = ["sha256:" + sha256_file(t) for t in layer_tars]
    config = json.dumps(image_config(target, diff_ids, epoch, version), sort_keys=True, separators=(",", ":")).encode()
    config_id = hashlib.sha256(config).hexdigest()
    manifest = json.dumps([{"Config": f"{config_id}.json", "RepoTags": [f"{repo}:{target}"],
                            "Layers": [f"{d[7:]}/layer.tar" for d in diff_ids]}], separators=(",", ":")).encode()
    path = os.path.join(out, f"image-{target}.tar")
    with tarfile.open(path, "w", format=tarfile.PAX_FORMAT) as tar:
        def put(name: str, data: bytes | None = None, source: str | None = None) -> None:
            info = tarfile.TarInfo(name)
            info.mtime = epoch
            info.mode = 0o644
            if source is not None:
                info.size = os.path.getsize(source)
                with open(source, "rb") as f:
                    tar.addfile(info, f)
            else:
                info.size = len(data or b"")
                tar.addfile(info, io.BytesIO(data or b""))
        put(f"{config_id}.json", config)
        for d, t in zip(diff_ids, layer_tars):
            put(f"{d[7:]}/layer.tar", source=t)
        put("manifest.json", manifest)
    return "sha256:" + config_id


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--publish", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--epoch", type=int, default=int(os.environ.get("SOURCE_DATE_EPOCH", "0")))
    ap.add_argument("--targets", default=",".join(TARGETS))
    ap.add_argument("--version", default="0.0.0")
    ap.add_argument("--repo", default="switchboard")
    args = ap.parse_args()

    wanted = [t for t in args.targets.split(",") if t]
    last = max(TARGETS.index(t) for t in wanted)
    os.makedirs(args.out, exist_ok=True)
    stager = Stager(os.path.abspath(args.publish), args.version)
    for t in TARGETS[: last + 1]:
        getattr(stager, t)()

    sbom_tool = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sbom.py")
    tars: list[str] = []
    for layer in stager.layers:
        # The SBOM of this target (all layers so far) travels inside its own layer.
        entries = [e for l in stager.layers[: len(tars) + 1] for e in l.entries.values()]
        listing = os.path.join(args.out, f"files-{layer.name}.json")
        with open(listing, "w") as f:
            json.dump([{"path": e.path, "kind": e.kind, "mode": oct(e.mode), "uid": e.uid,
                        "source": e.source, "target": e.target, "package": e.package,
                        "size": (len(e.data) if e.data is not None else os.path.getsize(e.source)) if e.kind == "file" else 0}
                       for e in sorted(entries, key=lambda e: e.path)], f, indent=1)
        sbom_path = os.path.join(args.out, f"sbom-{layer.name}.spdx.json")
        subprocess.run([sys.executable, sbom_tool, "--files", listing, "--target", layer.name, "--version", args.version,
                        "--epoch", str(args.epoch), "--out", sbom_path], check=True)
        stager.current = layer
        stager.add(Entry(f"/usr/share/switchboard/sbom-{layer.name}.spdx.json", "file", 0o644,
                         data=open(sbom_path, "rb").read()))
        tar_path = os.path.join(args.out, f"layer-{layer.name}.tar")
        write_tar(layer, tar_path, args.epoch)
        tars.append(tar_path)

    for t in wanted:
        idx = TARGETS.index(t)
        image_id = write_archive(args.out, t, tars[: idx + 1], args.epoch, args.version, args.repo)
        size = sum(os.path.getsize(x) for x in tars[: idx + 1])
        print(f"{t}: {size / 1e6:.1f} MB uncompressed, {sum(len(l.entries) for l in stager.layers[: idx + 1])} entries, image id {image_id}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
