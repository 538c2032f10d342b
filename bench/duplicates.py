"""Duplicate detection: precision/recall per kind on a generated corpus, and lookup latency
with a large warehouse.

    python -m bench.duplicates --data DIR [--out FILE]          # accuracy (runs the pipeline)
    python -m bench.duplicates --data DIR --keep W --replay     # re-decide from stored OCR
    python -m bench.duplicates --data DIR --keep W --replay --reextract   # + today's extraction
    python -m bench.duplicates --latency 100000 [--out FILE]    # SQLite and PostgreSQL

Accuracy: files are processed in the generator's order (each original before its copies).
Recall: every truth pair (a file and the file it duplicates, with its kind) must be linked with
that kind, in either direction. Precision: every predicted link must join two files of one
duplicate group with the relation its kind claims (``relation``: copies of one original may
rightly link to each other). Links between files of one person that are not one group (the
reuse case) count as false duplicates.
Replay (``--replay``, with a kept warehouse): the duplicate decisions are made again, in the
order the documents were stored, by the store stage's own ``write_plan`` from what the warehouse
kept of the first run (page text, word boxes, page hashes, fields, persons), on a copy of the
database: a change of the matching rules is measured without a second OCR pass. OCR does not
depend on those rules, so the result is what a full run would give.
With ``--reextract`` the fields and persons of every document except ID cards are extracted
again from the stored word boxes by today's extractor (a change of extraction measured without
OCR; ID cards are left as stored: their extraction also uses card-zone readings and QR payloads
the warehouse does not keep).
Latency: N synthetic documents with fingerprints, record keys and person links are inserted,
then the duplicate check (LSH and record-key probes + verification with the candidates' word
layout, then the record-key probe) and the reuse lookup are timed for 200 random probes each.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from sqlalchemy import create_engine, delete, insert, select, text

from bench.output import emit
from intake.config import Settings
from intake.dedup.fingerprint import NUM_PERM, TextFingerprint, fingerprint_text
from intake.dedup.index import find_near, find_same_record
from intake.dedup.layout import WordLayout
from intake.dedup.records import record_keys
from intake.reuse import lookup
from intake.warehouse.models import (
    Document,
    DocumentPerson,
    DuplicateLink,
    Field,
    Fingerprint,
    Person,
    RecordKey,
    TextBucket,
)
from intake.warehouse.repository import Warehouse

PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def scan_files(data: Path) -> list[Path]:
    """Scan files in the order the generator planned them: every original before its copies,
    as at a counter (sorting by name would put "0026_…" before "Đơn … 0014")."""
    scans = [
        p
        for p in data.iterdir()
        if p.is_file() and p.suffix != ".jsonl" and not p.name.startswith(".")
    ]

    def index(p: Path) -> tuple[int, str]:
        truth = json.loads((data / "truth" / f"{p.name}.json").read_text("utf-8"))
        return truth.get("extra", {}).get("index", 0), p.name

    return sorted(scans, key=index)


def load_truth(data: Path) -> dict[str, dict[str, Any]]:
    """Truth JSON of every scan file, by file name."""
    return {
        p.name: json.loads((data / "truth" / f"{p.name}.json").read_text("utf-8"))
        for p in scan_files(data)
    }


def processed(data: Path, workers: int, data_dir: Path) -> Warehouse:
    """The warehouse in ``data_dir`` after the pipeline has run over ``data``.

    A folder already processed is reused: the curve benchmark reads the fingerprints the
    accuracy run linked with, without a second OCR pass."""
    from intake.pipeline import Pipeline, Source
    from intake.pipeline.pool import make_pool

    done = data_dir / ".processed"
    settings = Settings(data_dir=data_dir, workers=workers)
    warehouse = Warehouse.open(settings)
    if not done.exists():
        pool = make_pool(settings, workers)
        for _record in Pipeline(settings, warehouse, pool).run(Source(p) for p in scan_files(data)):
            pass
        pool.close()
        done.write_text(str(data) + "\n", encoding="utf-8")
    return warehouse


def relation(a: str, b: str, truth: dict[str, dict[str, Any]]) -> set[str]:
    """The link kinds two files may rightly have by their truth: ``exact`` (same bytes),
    ``near`` (same paper: an original, its exact copies and its rescans), ``same_record`` (any
    other member of one duplicate group: a retyped copy); none for unrelated files.

    A group with several copies has true links between copies too (a rescan linked to the
    retyped copy of the same record is right), so precision is judged by group. Copies of
    one record on the same layout (two retyped copies, or the original and a copy retyped
    where the type has one layout for its format) differ only in typography: ``near`` or
    ``same_record``, for precision and for recall."""
    ta, tb = truth[a]["documents"][0], truth[b]["documents"][0]
    group = ta.get("duplicate_group")
    if group is None or group != tb.get("duplicate_group"):
        return set()

    def root(name: str, doc: dict[str, Any], kinds: tuple[str | None, ...]) -> str:
        return doc["duplicate_of"] if doc["duplicate_kind"] in kinds[1:] else name

    if root(a, ta, (None, "exact")) == root(b, tb, (None, "exact")):
        return {"exact"}
    if root(a, ta, (None, "exact", "near")) == root(b, tb, (None, "exact", "near")):
        return {"near"}
    if ta.get("layout") == tb.get("layout"):
        # retyped on the layout of the other copy (two retyped copies, or a type with one
        # layout for the format): as ``duplicate_curve.pair_kind``'s SAME_LAYOUT
        return {"near", "same_record"}
    return {"same_record"}


def accuracy(
    data: Path,
    workers: int,
    keep: Path | None = None,
    replay: bool = False,
    reextract: bool = False,
) -> dict[str, Any]:
    truth = load_truth(data)
    with tempfile.TemporaryDirectory() as tmp:
        warehouse = processed(data, workers, keep or Path(tmp))
        if replay:
            warehouse.close()
            warehouse = replayed(keep or Path(tmp), Path(tmp) / "replay", reextract)
        with warehouse.sessions() as session:
            name_of = dict(session.execute(select(Document.id, Document.source_name)).all())
            links = {
                (link.document_id, link.other_id, link.kind)
                for link in session.scalars(select(DuplicateLink))
            }
        warehouse.close()
    processed_names = set(name_of.values())
    # Compared per file pair: a dossier split into three documents is one original, and the
    # exact copy of it links to each of its documents.
    expected = set()
    for name, t in truth.items():
        doc = t["documents"][0]
        if doc["duplicate_kind"] and doc["duplicate_of"] in processed_names:
            expected.add((frozenset((name, doc["duplicate_of"])), doc["duplicate_kind"]))
    predicted = {
        (frozenset((name_of[a], name_of[b])), kind)
        for a, b, kind in links
        if name_of[a] != name_of[b]
    }
    result: dict[str, Any] = {"files": len(truth), "documents": len(name_of)}
    for kind in ("exact", "near", "same_record"):
        exp = {p for p, k in expected if k == kind}
        got = {p for p, k in predicted if k == kind}
        right = {p for p in got if kind in relation(*sorted(p), truth)}
        linked = {p for p, _k in predicted}
        found = {
            p
            for p in exp
            if p in got or (p in linked and any(q in predicted for q in _rightly(p, truth)))
        }
        result[kind] = {
            "expected": len(exp),
            "found": len(found),
            "predicted": len(got),
            "predicted_right": len(right),
            "links_between_copies": len(right - exp),
            "precision": round(len(right) / len(got), 4) if got else None,
            "recall": round(len(found) / len(exp), 4) if exp else None,
            "false_links": sorted(sorted(p) for p in got - right)[:10],
            "missed": sorted(sorted(p) for p in exp - found)[:10],
        }
    result["links_between_different_types"] = sum(
        1
        for pair, _kind in predicted
        if len({truth[n]["documents"][0]["doc_type"] for n in pair}) > 1
    )
    persons = {
        name: {p["id_number"] for d in t["documents"] for p in d.get("persons", [])}
        for name, t in truth.items()
    }
    result["reuse_case"] = {
        "documents_reusing_a_person": sum(
            any(d.get("extra", {}).get("reused_person") for d in t["documents"])
            for t in truth.values()
        ),
        "false_links_between_files_sharing_a_person": sum(
            1
            for pair, _kind in predicted
            if not relation(*sorted(pair), truth) and set.intersection(*(persons[n] for n in pair))
        ),
    }
    return result


def _rightly(pair: frozenset[str], truth: dict[str, dict[str, Any]]) -> set[tuple[Any, str]]:
    """The (pair, kind) links that satisfy a truth pair: any kind its relation allows."""
    return {(pair, kind) for kind in relation(*sorted(pair), truth)}


#: Review reasons the duplicate check itself adds (store_plans): dropped before a replay.
_DEDUP_REASON = "Cùng hồ sơ với tài liệu"


def replayed(kept: Path, into: Path, reextract: bool = False) -> Warehouse:
    """A copy of the kept warehouse whose duplicate decisions were made again (see above)."""
    from intake.extract import ExtractedField, PageWords, extract_document
    from intake.pipeline.analyse import DocumentPlan
    from intake.pipeline.pages import PageResult
    from intake.pipeline.store_plans import write_plan

    into.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(kept / "intake.db")
    target = sqlite3.connect(into / "intake.db")
    source.backup(target)
    source.close()
    target.close()
    warehouse = Warehouse.open(Settings(data_dir=into))
    load_schemas = __import__("schemas").load_schemas
    schemas = load_schemas()
    with warehouse.sessions() as session:
        ids = list(
            session.scalars(
                select(Document.id).where(Document.doc_type.is_not(None)).order_by(Document.id)
            )
        )
        persons = {
            i: [
                (p.id_number, p.role)
                for p in session.scalars(
                    select(DocumentPerson).where(DocumentPerson.document_id == i)
                )
            ]
            for i in ids
        }
        exact = set(
            session.scalars(select(DuplicateLink.document_id).where(DuplicateLink.kind == "exact"))
        )
        ids = [i for i in ids if i not in exact]  # same bytes: decided by SHA-256, not here
        session.execute(delete(DuplicateLink).where(DuplicateLink.kind != "exact"))
        for table in (Fingerprint, TextBucket, RecordKey, DocumentPerson, Field):
            session.execute(delete(table).where(table.document_id.in_(ids)))
        session.commit()
    for doc_id in ids:
        with warehouse.sessions() as session:
            document = session.get(Document, doc_id)
            if document is None or document.status == "quarantined":
                continue
            fields = {
                f.key: ExtractedField(
                    f.value or "", f.raw or "", f.confidence or 0.0, f.page, None, f.source, f.note
                )
                for f in _stored_fields(kept, doc_id)
            }
            results = [
                PageResult(
                    p.number - 1,
                    text=p.text,
                    words=p.words or [],
                    width=p.width or 0,
                    height=p.height or 0,
                    phash=p.phash,
                )
                for p in sorted(document.pages, key=lambda p: p.number)
            ]
            reasons = [r for r in document.review_reasons or [] if not r.startswith(_DEDUP_REASON)]
            people = persons[doc_id]
            if reextract and document.doc_type != "id_card":
                again = extract_document(
                    document.doc_type,
                    [PageWords(r.index + 1, r.width, r.height, r.words) for r in results],
                )
                fields, people = again.fields, again.persons
            plan = DocumentPlan(
                first_page=1,
                last_page=len(results),
                results=results,
                doc_type=document.doc_type,
                predicted=document.doc_type or "",
                procedure_code=document.procedure_code,
                confidence=document.confidence or 0.0,
                alternatives=[],
                fields=fields,
                review_reasons=reasons,
                persons=people,
                text=fingerprint_text("\n".join(r.text for r in results)),
                page_hashes=[r.phash for r in results if r.phash],
            )
            plan.record_keys = record_keys(
                schemas[document.doc_type], {k: f.value for k, f in fields.items()}
            )
            write_plan(session, document, plan)
            session.commit()
    return warehouse


def _stored_fields(kept: Path, doc_id: int) -> list[Any]:
    """Fields as the first run stored them (the replay copy had them deleted)."""
    db = sqlite3.connect(kept / "intake.db")
    db.row_factory = lambda cursor, row: SimpleNamespace(
        **{c[0]: v for c, v in zip(cursor.description, row, strict=True)}
    )
    rows = db.execute(
        "select key, value, raw, confidence, page, source, note from fields where document_id = ?",
        (doc_id,),
    ).fetchall()
    db.close()
    return rows


def _signature(rng: random.Random) -> TextFingerprint:
    return TextFingerprint(tuple(rng.getrandbits(32) for _ in range(NUM_PERM)), 100)


def _fill(warehouse: Warehouse, n: int, seed: int) -> list[tuple[TextFingerprint, str, str]]:
    """N documents with fingerprints, record keys, persons; returns probes drawn from them."""
    rng = random.Random(seed)
    probes = []
    now = datetime.now(UTC)
    with warehouse.engine.begin() as conn:
        for start in range(0, n, 2000):
            docs, buckets, prints, keys, persons, links, fields = [], [], [], [], [], [], []
            for i in range(start, min(n, start + 2000)):
                doc_id = i + 1
                fp = _signature(rng)
                id_number = (
                    f"079{rng.randint(0, 5)}{rng.randint(10, 99)}{rng.randint(0, 999999):06d}"
                )
                key = (
                    uuid.UUID(int=rng.getrandbits(128)).hex
                    + uuid.UUID(int=rng.getrandbits(128)).hex
                )
                docs.append(
                    dict(
                        id=doc_id,
                        sha256=f"{doc_id:064x}",
                        source_path="x",
                        source_name="x",
                        status="stored",
                        doc_type="id_card",
                        page_count=1,
                        received_at=now,
                        updated_at=now,
                        version=1,
                    )
                )
                buckets += [dict(document_id=doc_id, band=b, key=k) for b, k in fp.band_keys()]
                prints.append(
                    dict(
                        document_id=doc_id,
                        minhash=list(fp.signature),
                        page_hashes=["0" * 16],
                        shingles=100,
                    )
                )
                keys.append(dict(document_id=doc_id, key=key))
                persons.append(dict(id_number=id_number, first_seen=now, updated_at=now))
                links.append(dict(document_id=doc_id, id_number=id_number, role="holder"))
                fields.append(
                    dict(document_id=doc_id, key="id_number", value=id_number, source="ocr")
                )
                if rng.random() < 200 / n:
                    probes.append((fp, key, id_number))
            conn.execute(insert(Document), docs)
            conn.execute(insert(TextBucket), buckets)
            conn.execute(insert(Fingerprint), prints)
            conn.execute(insert(RecordKey), keys)
            seen: set[str] = set()
            unique = [
                p for p in persons if not (p["id_number"] in seen or seen.add(p["id_number"]))
            ]  # type: ignore[func-returns-value]
            existing = set(
                conn.execute(
                    select(Person.id_number).where(
                        Person.id_number.in_([p["id_number"] for p in unique])
                    )
                ).scalars()
            )
            conn.execute(
                insert(Person), [p for p in unique if p["id_number"] not in existing]
            ) if len(existing) < len(unique) else None
            conn.execute(insert(DocumentPerson), links)
            conn.execute(insert(Field), fields)
    return probes


def _time(fn: Any, probes: list[Any]) -> dict[str, float]:
    samples = []
    for probe in probes:
        started = time.perf_counter()
        fn(probe)
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {
        "p50_ms": round(statistics.median(samples), 2),
        "p95_ms": round(samples[int(0.95 * (len(samples) - 1))], 2),
        "max_ms": round(samples[-1], 2),
        "probes": len(samples),
    }


def latency(n: int, backend: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        schema = None
        if backend == "sqlite":
            url = f"sqlite:///{tmp}/bench.db"
        else:
            schema = f"bench_{uuid.uuid4().hex[:8]}"
            admin = create_engine(PG_URL)
            with admin.begin() as conn:
                conn.execute(text(f'CREATE SCHEMA "{schema}"'))
            url = f"{PG_URL}?options=-csearch_path%3D{schema}"
        try:
            warehouse = Warehouse.open(Settings(data_dir=Path(tmp), database_url=url))
            started = time.perf_counter()
            probes = _fill(warehouse, n, seed=7)[:200]
            fill_seconds = time.perf_counter() - started
            with warehouse.sessions() as session:
                near = _time(
                    lambda p: find_near(
                        session, p[0], ["0" * 16], "id_card", keys=[p[1]], layout=WordLayout({})
                    ),
                    probes,
                )
                record = _time(lambda p: find_same_record(session, [p[1]]), probes)
                reuse = _time(lambda p: lookup(session, p[2]), probes)
            warehouse.close()
        finally:
            if schema is not None:
                with admin.begin() as conn:
                    conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    return {
        "documents": n,
        "fill_seconds": round(fill_seconds, 1),
        "near_check": near,
        "same_record_check": record,
        "reuse_lookup": reuse,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--keep", type=Path, help="warehouse folder to keep (reused when already processed)"
    )
    parser.add_argument(
        "--replay", action="store_true", help="re-decide duplicates from the kept warehouse"
    )
    parser.add_argument(
        "--reextract",
        action="store_true",
        help="with --replay: extract fields again from stored words (all but ID cards)",
    )
    parser.add_argument("--latency", default="", help="e.g. 10000,100000")
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    result: dict[str, Any] = {"command": "python -m bench.duplicates " + " ".join(sys.argv[1:])}
    if args.data:
        result["accuracy"] = accuracy(
            args.data, args.workers, args.keep, args.replay, args.reextract
        )
    for size in [int(x) for x in args.latency.split(",") if x]:
        for backend in args.backends.split(","):
            result[f"latency_{backend}_{size}"] = latency(size, backend)
    emit(result, args.out)


if __name__ == "__main__":
    main()
