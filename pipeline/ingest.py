"""Find the input PDFs, hash them, give each a stable content-derived doc_id."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SourceFile:
    path: Path
    rel: str  # path relative to the input folder, POSIX separators
    sha256: str
    size: int
    doc_id: str
    duplicate_of: str | None = None  # rel of the first file with the same bytes


def discover(input_dir: Path) -> list[Path]:
    """Every *.pdf (any case) under input_dir, hidden files skipped, in a stable order."""
    found = [
        p
        for p in input_dir.rglob("*")
        if p.is_file()
        and p.suffix.lower() == ".pdf"
        and not any(part.startswith(".") for part in p.relative_to(input_dir).parts)
    ]
    return sorted(found, key=lambda p: p.relative_to(input_dir).as_posix())


def sha256_of(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


def doc_id_for(sha256: str) -> str:
    return sha256[:16]


def ingest(input_dir: Path) -> list[SourceFile]:
    files: list[SourceFile] = []
    first_by_sha: dict[str, str] = {}
    for p in discover(input_dir):
        rel = p.relative_to(input_dir).as_posix()
        sha = sha256_of(p)
        dup = first_by_sha.get(sha)
        if dup is None:
            first_by_sha[sha] = rel
            doc_id = doc_id_for(sha)
        else:
            # Same bytes under another name: its own row, pointing at the first.
            doc_id = doc_id_for(hashlib.sha256((sha + "\0" + rel).encode()).hexdigest())
        files.append(SourceFile(p, rel, sha, p.stat().st_size, doc_id, dup))
    return files
