#!/usr/bin/env python3
"""Writes an SPDX 2.3 JSON SBOM for one image target from stage.py's file list.

Every regular file in the image is an SPDX file with its SHA-256; every Debian package a file came
from (dpkg -S / dpkg-query, resolved by stage.py) is an SPDX package with its exact version and a
purl; the switchboard binary is the root package. Deterministic: the creation time is
SOURCE_DATE_EPOCH and the document namespace is derived from the content.

Usage: sbom.py --files files-<target>.json --target mini --version V --epoch N --out sbom.spdx.json
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import re
import sys


def spdx_id(text: str) -> str:
    return "SPDXRef-" + re.sub(r"[^A-Za-z0-9.-]", "-", text)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", required=True)
    ap.add_argument("--target", required=True)
    ap.add_argument("--version", required=True)
    ap.add_argument("--epoch", type=int, required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    entries = json.load(open(args.files))
    created = datetime.datetime.fromtimestamp(args.epoch, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    root = spdx_id("Package-switchboard")
    packages = {root: {
        "SPDXID": root, "name": "switchboard", "versionInfo": args.version,
        "downloadLocation": "NOASSERTION", "filesAnalyzed": False, "licenseConcluded": "NOASSERTION",
        "licenseDeclared": "NOASSERTION", "copyrightText": "NOASSERTION",
        "primaryPackagePurpose": "APPLICATION",
        "comment": f"Switchboard IP PBX, image target {args.target}",
    }}
    files, relationships = [], [{"spdxElementId": "SPDXRef-DOCUMENT", "relationshipType": "DESCRIBES", "relatedSpdxElement": root}]

    for e in entries:
        if e["kind"] != "file":
            continue
        path = e["path"]
        data = open(e["source"], "rb").read() if e.get("source") else None
        sha256 = hashlib.sha256(data).hexdigest() if data is not None else None
        sha1 = hashlib.sha1(data).hexdigest() if data is not None else None
        fid = spdx_id("File" + path)
        item = {"SPDXID": fid, "fileName": "." + path, "licenseConcluded": "NOASSERTION", "copyrightText": "NOASSERTION"}
        if sha256:
            item["checksums"] = [{"algorithm": "SHA1", "checksumValue": sha1}, {"algorithm": "SHA256", "checksumValue": sha256}]
        else:
            item["checksums"] = [{"algorithm": "SHA1", "checksumValue": "0" * 40}]
            item["comment"] = "generated at build time"
        files.append(item)
        pkg = e.get("package")
        if pkg:
            name, _, version = pkg.partition("=")
            pid = spdx_id(f"Package-deb-{name}")
            if pid not in packages:
                packages[pid] = {
                    "SPDXID": pid, "name": name, "versionInfo": version, "supplier": "Organization: Debian",
                    "downloadLocation": "NOASSERTION", "filesAnalyzed": False, "licenseConcluded": "NOASSERTION",
                    "licenseDeclared": "NOASSERTION", "copyrightText": "NOASSERTION",
                    "externalRefs": [{"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl",
                                      "referenceLocator": f"pkg:deb/debian/{name}@{version}?arch=amd64&distro=debian-12"}],
                }
                relationships.append({"spdxElementId": root, "relationshipType": "DEPENDS_ON", "relatedSpdxElement": pid})
            relationships.append({"spdxElementId": pid, "relationshipType": "CONTAINS", "relatedSpdxElement": fid})
        else:
            relationships.append({"spdxElementId": root, "relationshipType": "CONTAINS", "relatedSpdxElement": fid})

    body = {
        "spdxVersion": "SPDX-2.3",
        "dataLicense": "CC0-1.0",
        "SPDXID": "SPDXRef-DOCUMENT",
        "name": f"switchboard-{args.target}-{args.version}",
        "creationInfo": {"created": created, "creators": ["Tool: switchboard-container-sbom.py"]},
        "packages": [packages[k] for k in sorted(packages)],
        "files": sorted(files, key=lambda f: f["fileName"]),
        "relationships": relationships,
    }
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:32]
    body["documentNamespace"] = f"https://switchboard.invalid/spdx/{args.target}/{args.version}/{digest}"
    with open(args.out, "w") as f:
        json.dump(body, f, indent=1, sort_keys=True)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
