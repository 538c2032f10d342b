"""The ``intake`` command."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from intake.config import Settings
from intake.records import DocumentRecord

app = typer.Typer(
    help="Tiếp nhận và số hóa hồ sơ / document intake and digitization service.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="Database schema commands.", no_args_is_help=True)
app.add_typer(db_app, name="db")
err = Console(stderr=True)


def _mount_samples() -> None:
    try:
        from samples.cli import app as samples_app
    except ImportError:  # the generator is optional at run time
        return
    app.add_typer(samples_app, name="samples", help="Generate labelled synthetic scans.")


_mount_samples()


def _mount_web() -> None:
    from intake.web.cli import serve, users_app

    app.command("serve")(serve)
    app.add_typer(users_app, name="users")


_mount_web()


def _mount_classifier() -> None:
    from classifiers.cli import evaluate_command, train_command

    app.command("train", help="Train the document-type classifier (generated + confirmed).")(
        train_command
    )
    app.command("evaluate", help="Accuracy, macro-F1 and confusion matrix on a labelled folder.")(
        evaluate_command
    )


_mount_classifier()


@app.command()
def process(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to process.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per document.")] = False,
    workers: Annotated[
        int | None, typer.Option(help="Worker processes (default: INTAKE_WORKERS or cores).")
    ] = None,
    split: Annotated[
        bool, typer.Option("--split/--no-split", help="Split multi-document scans.")
    ] = True,
) -> None:
    """Run the pipeline synchronously on files or folders and store the results."""
    from intake.pipeline import Pipeline, Source
    from intake.pipeline.pool import make_pool
    from intake.sources import expand
    from intake.warehouse.repository import Warehouse

    missing = [p for p in paths if not p.exists()]
    if missing:
        err.print(f"[red]Không tìm thấy / not found:[/red] {', '.join(map(str, missing))}")
        raise typer.Exit(2)
    settings = Settings() if split else Settings(split_dossiers=False)
    warehouse = Warehouse.open(settings)
    pool = make_pool(settings, workers)
    pipeline = Pipeline(settings, warehouse, pool)
    started = time.perf_counter()
    records: list[DocumentRecord] = []
    try:
        for record in pipeline.run(Source(path) for path in expand(paths)):
            records.append(record)
            if as_json:
                sys.stdout.write(record.model_dump_json() + "\n")
                sys.stdout.flush()
    finally:
        pool.close()
        warehouse.close()
    elapsed = time.perf_counter() - started
    if not as_json:
        _summary(records, pipeline.stats.pages, elapsed)


def _summary(records: list[DocumentRecord], pages: int, elapsed: float) -> None:
    console = Console()
    table = Table(title="Kết quả tiếp nhận / intake results")
    for column in ("#", "Tệp / file", "Trạng thái / status", "Trang", "Loại / type", "Ghi chú"):
        table.add_column(column)
    for record in records:
        note = record.error or "; ".join(
            [f"{d.kind} #{d.document_id}" for d in record.duplicate_of]
            + [reason.split(" / ")[0] for reason in record.review_reasons]
        )
        table.add_row(
            str(record.document_id),
            Path(record.source).name,
            record.status,
            str(record.pages),
            record.doc_type or "—",
            note or "",
        )
    console.print(table)
    rate = pages / elapsed * 60 if elapsed > 0 else 0.0
    console.print(
        f"{len(records)} tài liệu / documents, {pages} trang / pages OCR'd, "
        f"{elapsed:.1f} s, {rate:.1f} trang/phút / pages per minute"
    )


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv or pdfa.")] = "jsonl",
    out: Annotated[
        Path | None, typer.Option(help="File (jsonl, csv; default stdout) or folder (pdfa).")
    ] = None,
    doc_type: Annotated[
        str | None, typer.Option("--type", help="Document type (required for csv).")
    ] = None,
) -> None:
    """Export the warehouse: JSON lines, CSV for one document type, or PDF/A files."""
    from intake.archive.commands import (
        UnknownDocTypeError,
        export_csv,
        export_jsonl,
        export_pdfa,
        summarise,
    )

    settings = Settings()
    if fmt == "pdfa":
        if out is None:
            err.print("[red]--out DIR là bắt buộc / --out DIR is required for pdfa[/red]")
            raise typer.Exit(2)
        failed: list[tuple[int, str]] = []
        paths = export_pdfa(settings, out, failed)
        err.print(str(summarise(paths)))
        for document_id, message in failed:
            err.print(f"[red]#{document_id}:[/red] {message}")
        if failed:
            raise typer.Exit(1)
        return
    if fmt not in ("jsonl", "csv") or (fmt == "csv" and not doc_type):
        err.print("[red]--format jsonl | csv --type DOC_TYPE | pdfa --out DIR[/red]")
        raise typer.Exit(2)
    encoding = "utf-8-sig" if fmt == "csv" else "utf-8"  # BOM so Excel reads Vietnamese
    handle = out.open("w", encoding=encoding, newline="") if out else sys.stdout
    try:
        if fmt == "csv":
            export_csv(settings, doc_type or "", handle)
        else:
            export_jsonl(settings, handle, doc_type)
    except UnknownDocTypeError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc
    finally:
        if out:
            handle.close()


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create or migrate the warehouse schema to the latest version."""
    from intake.warehouse.repository import Warehouse

    settings = Settings()
    Warehouse.open(settings).close()
    typer.echo(f"Schema up to date: {settings.effective_database_url}")


@app.command("config")
def show_config() -> None:
    """Print the effective configuration (after environment and TOML file)."""
    typer.echo(json.dumps(Settings().public_dict(), ensure_ascii=False, indent=2))


Backend = Annotated[str, typer.Option(help="local (worker processes) or celery (Redis broker).")]
Workers = Annotated[int | None, typer.Option(help="Worker processes (default: cores).")]


def _check_backend(backend: str) -> None:
    if backend not in ("local", "celery"):
        err.print("[red]--backend phải là local hoặc celery / must be local or celery[/red]")
        raise typer.Exit(2)


@app.command()
def batch(
    folder: Annotated[Path, typer.Argument(help="Backlog folder to digitize.")],
    workers: Workers = None,
    backend: Backend = "local",
    report: Annotated[Path | None, typer.Option(help="Also write the JSON report here.")] = None,
    split: Annotated[
        bool, typer.Option("--split/--no-split", help="Split multi-document scans.")
    ] = True,
) -> None:
    """Digitize a backlog folder with a progress bar; Ctrl-C stops cleanly, rerun resumes."""
    from intake.jobs.commands import run_batch

    _check_backend(backend)
    if not folder.is_dir():
        err.print(f"[red]Không phải thư mục / not a folder:[/red] {folder}")
        raise typer.Exit(2)
    settings = Settings() if split else Settings(split_dossiers=False)
    result = run_batch(settings, folder, workers, backend, report)
    if result.get("enqueue_error"):
        raise typer.Exit(1)


@app.command()
def worker(workers: Workers = None, backend: Backend = "local") -> None:
    """Run background workers that process queued jobs (Ctrl-C stops after current jobs)."""
    from intake.jobs.commands import run_worker

    _check_backend(backend)
    run_worker(Settings(), workers, backend)


@app.command()
def watch(
    folders: Annotated[list[Path] | None, typer.Argument(help="Folders, default settings.")] = None,
    config: Annotated[Path | None, typer.Option(help="TOML file with [[folder]] entries.")] = None,
    workers: Workers = None,
    backend: Backend = "local",
) -> None:
    """Watch scanner folders and process what clerks drop there (with local workers)."""
    from intake.jobs.commands import run_watch

    _check_backend(backend)
    run_watch(Settings(), folders or [], config, workers, backend)


@app.command()
def reuse(
    id_number: Annotated[str, typer.Argument(help="Personal ID number (12 digits).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """What is already on file for a person: documents and latest facts, with sources."""
    from intake.reuse import lookup
    from intake.warehouse.repository import Warehouse

    if not (id_number.isdigit() and len(id_number) == 12):
        err.print("[red]Số định danh cá nhân phải có 12 chữ số / must be 12 digits[/red]")
        raise typer.Exit(2)
    warehouse = Warehouse.open(Settings())
    try:
        with warehouse.sessions() as session:
            answer = lookup(session, id_number)
    finally:
        warehouse.close()
    if as_json:
        payload = {
            "id_number": answer.id_number,
            "documents": [
                {**vars_of(d), "received_at": d.received_at.isoformat()} for d in answer.documents
            ],
            "facts": {
                k: {**vars_of(f), "received_at": f.received_at.isoformat()}
                for k, f in answer.facts.items()
            },
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    console = Console()
    if not answer.documents:
        console.print(f"Chưa có hồ sơ nào của {id_number} / nothing on file")
        return
    table = Table(title=f"Thông tin đã có / on file: {id_number}")
    for column in ("Thông tin / fact", "Giá trị / value", "Tài liệu / document", "Ngày / date"):
        table.add_column(column)
    for key, fact in sorted(answer.facts.items()):
        mark = "" if fact.trusted else " (chờ duyệt)"
        table.add_row(
            key,
            fact.value,
            f"#{fact.document_id} {fact.doc_type}{mark}",
            f"{fact.received_at:%Y-%m-%d}",
        )
    console.print(table)
    for doc in answer.documents:
        console.print(f"#{doc.document_id} {doc.doc_type or '—'} ({doc.role}, {doc.status})")


def vars_of(obj: object) -> dict[str, object]:
    from dataclasses import asdict

    return asdict(obj)  # type: ignore[call-overload]


def main() -> None:
    app()
