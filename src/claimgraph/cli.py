"""The `claimgraph` command: a thin layer over the library's typed functions.

Options that are settings come from the one registry in claimgraph.settings, so names, defaults and
help texts match the library. Errors come from claimgraph.errors and end with their exit status.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimgraph import __version__
from claimgraph.errors import ClaimgraphError
from claimgraph.settings import DEFAULT_SETTINGS, Settings, describe

if TYPE_CHECKING:
    from claimgraph.models import Rejection

_HELP_WIDTH = 100
_SETTING_HELP = {name: (default, text) for name, default, text in describe()}


def _formatter(prog: str) -> argparse.HelpFormatter:
    # A fixed width keeps the generated CLI reference in the README identical on every terminal.
    return argparse.RawDescriptionHelpFormatter(prog, width=_HELP_WIDTH)


def _setting_option(parser: argparse.ArgumentParser, name: str, *, kind: type = str) -> None:
    default, text = _SETTING_HELP[name]
    parser.add_argument(
        "--" + name.replace("_", "-"),
        dest=name,
        type=kind,
        default=None,
        metavar=name.upper(),
        help=f"{text} (default: {default})",
    )


def _flag_option(parser: argparse.ArgumentParser, name: str) -> None:
    """A boolean setting whose default is off, switched on by its flag."""
    parser.add_argument(
        "--" + name.replace("_", "-"),
        dest=name,
        action="store_true",
        default=None,
        help=_SETTING_HELP[name][1],
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimgraph",
        description="Turn news articles into a sourced record of who said what, when, and who disputes it.",
        formatter_class=_formatter,
    )
    parser.add_argument("--version", action="version", version=f"claimgraph {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser(
        "ingest",
        help="ingest files and folders of articles into the store",
        description=(
            "Ingest .txt, .md, .html/.htm (also .gz) and .jsonl files, or folders of them (recursively);\n"
            "also .warc/.warc.gz archives (HTML responses only) and .json files of one news-please or\n"
            "newspaper article each.\n"
            "Inputs already stored (same content hash) are skipped, so a re-run after an interruption\n"
            "resumes. Exit status 3 when some input was rejected; the rest is stored all the same."
        ),
        formatter_class=_formatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to ingest")
    _setting_option(p, "db")
    p.add_argument("--force", action="store_true", help="re-process inputs whose content is already stored")
    _setting_option(p, "n_process", kind=int)
    _setting_option(p, "commit_every", kind=int)
    _setting_option(p, "max_file_bytes", kind=int)
    _setting_option(p, "kb")
    _setting_option(p, "techniques_lexicon")
    _setting_option(p, "engine")
    _setting_option(p, "scheduler")
    _setting_option(p, "shard_docs", kind=int)
    _setting_option(p, "shard_dir")
    _setting_option(p, "db_memory_limit")
    _flag_option(p, "fail_fast")
    p.add_argument(
        "--progress", dest="progress", action=argparse.BooleanOptionalAction, default=None,
        help="show a progress bar (default: only on a terminal)",
    )  # fmt: skip

    _collect_parsers(sub)

    p = sub.add_parser(
        "export",
        help="export the whole store as JSON, JSONL or CSV",
        description=(
            "Export the store. json follows the claimgraph-export/1 contract (docs/export.md);\n"
            "jsonl writes one record a line; csv writes a folder with one file per record kind."
        ),
        formatter_class=_formatter,
    )
    _setting_option(p, "db")
    p.add_argument(
        "--format", dest="fmt", choices=("json", "jsonl", "csv"), default="json", help="default: json"
    )
    p.add_argument("--out", required=True, type=Path, metavar="PATH", help="file to write (a folder for csv)")
    _setting_option(p, "kb")

    p = sub.add_parser(
        "import",
        help="restore a JSON export into a new store",
        description=(
            "Restore a claimgraph-export/1 JSON file (claimgraph export --format json) into a store that\n"
            "holds no documents yet; `claimgraph export` of that store then writes the same JSON. The\n"
            "stored rows are restored as exported, nothing is analysed again; what the export does not\n"
            "carry is derived (README: Moving a store). Exit status 2 for a file that is no such export,\n"
            "4 when the store already holds documents: an import never merges."
        ),
        formatter_class=_formatter,
    )
    p.add_argument("export_file", metavar="EXPORT", type=Path, help="the JSON export to read")
    _setting_option(p, "db")

    p = sub.add_parser(
        "serve",
        help="serve the web UI and the HTTP API over a store",
        description=(
            "Serve the web UI and the HTTP API (OpenAPI at /openapi.json) over a store, read-only.\n"
            "On an address other machines can reach, every request must carry a token (--token, or\n"
            "CLAIMGRAPH_TOKEN in the environment), unless --no-auth says otherwise."
        ),
        formatter_class=_formatter,
    )
    _setting_option(p, "db")
    _setting_option(p, "kb")
    _setting_option(p, "basemap")
    _setting_option(p, "max_url_bytes", kind=int)
    _setting_option(p, "max_body_bytes", kind=int)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8750, help="port to listen on (default: 8750)")
    auth = p.add_mutually_exclusive_group()
    auth.add_argument(
        "--token",
        metavar="TOKEN",
        help="require `Authorization: Bearer TOKEN` (or the cookie a page opened with ?token=TOKEN sets) "
        "on every request; default: $CLAIMGRAPH_TOKEN, which keeps it out of the process list",
    )
    auth.add_argument(
        "--no-auth",
        action="store_true",
        help="serve without a token on an address other machines can reach",
    )

    p = sub.add_parser(
        "disputes",
        help="list where sources disagree: both sides quoted, with outlet and date",
        formatter_class=_formatter,
    )
    _setting_option(p, "db")
    p.add_argument("--kind", choices=("numeric", "status", "stance"), help="only disputes of this kind")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")

    p = sub.add_parser(
        "techniques",
        help="how often each outlet and speaker uses loaded language: spans per 1,000 of their words",
        description=(
            "Technique spans per 1,000 words, highest rate first. An outlet's words are its articles\n"
            "outside attributed statements, and its spans those in its own voice; a speaker's words are\n"
            "their statements, and their spans those inside them."
        ),
        formatter_class=_formatter,
    )
    _setting_option(p, "db")
    _setting_option(p, "kb")
    p.add_argument("--by", choices=("outlet", "speaker"), help="only outlets, or only speakers")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")

    _brief_parser(sub)

    p = sub.add_parser(
        "entity",
        help="show an entity: its names, mentions per document, and why its names were merged",
        formatter_class=_formatter,
    )
    p.add_argument("name", metavar="NAME", help="a name of the entity, in any spelling or transliteration")
    _setting_option(p, "db")
    _setting_option(p, "kb")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")

    p = sub.add_parser(
        "show",
        help="show one document: metadata, cleaned text and what was found in it",
        formatter_class=_formatter,
    )
    p.add_argument("doc_id", metavar="DOC_ID", help="document id, or an unambiguous start of one")
    _setting_option(p, "db")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")

    p = sub.add_parser("search", help="full-text search over titles and texts", formatter_class=_formatter)
    p.add_argument("query", metavar="QUERY", help="words to search for (BM25 ranking)")
    _setting_option(p, "db")
    p.add_argument("--limit", type=int, default=10, help="most hits to list (default: 10)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    return parser


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write YYYY-MM-DD") from None


def _brief_parser(sub: Any) -> None:
    p = sub.add_parser(
        "brief",
        help="write a sourced brief (HTML, Markdown or PDF): who is quoted, timeline, disputes, numbers, map",
        description=(
            "Write a brief of the store, or of the articles about one entity or query: who is quoted\n"
            "(their key statements verbatim), the timeline, the disputes side by side, numbers as each\n"
            "outlet reports them, a map of the places, loaded language by outlet and speaker, and a method\n"
            "note. Every fact cites the exact characters of its source (document, offsets, URL or path).\n"
            "html is one self-contained file (works offline and by e-mail); md writes NAME.map.svg beside\n"
            "the Markdown; pdf prints the HTML with headless Chromium (/usr/bin/chromium).\n"
            "Exit status 2 when nothing matches --about and the dates, 5 when Chromium is missing for pdf."
        ),
        formatter_class=_formatter,
    )
    _setting_option(p, "db")
    p.add_argument(
        "--about", metavar="ENTITY_OR_QUERY",
        help="an entity's name in any spelling (the articles naming it), else words for full-text search",
    )  # fmt: skip
    p.add_argument(
        "--from", dest="date_from", type=_date, metavar="DATE", help="articles published from DATE on"
    )
    p.add_argument("--to", dest="date_to", type=_date, metavar="DATE", help="articles published up to DATE")
    p.add_argument(
        "--format", dest="fmt", choices=("html", "md", "pdf"), default="html", help="default: html"
    )
    p.add_argument("--out", required=True, type=Path, metavar="PATH", help="file to write")
    _setting_option(p, "kb")
    _setting_option(p, "basemap")


_COLLECT_NOTE = (
    "robots.txt is obeyed, each host is asked at most --fetch-rate times a second, 5xx answers and\n"
    "time-outs are retried with exponential backoff, and a page fetched before is asked for with its\n"
    "ETag/Last-Modified, so an unchanged one answers 304. Every answer is kept in the store with its\n"
    "headers and final URL; pages go through the same ingest as files, the final URL as their source.\n"
    "Exit status 3 when some page was not fetched or rejected; the rest is stored all the same."
)


def _collect_parsers(sub: Any) -> None:
    """fetch, feed and sitemap: the collection commands share their options."""
    commands = (
        ("fetch", "fetch web pages and ingest them", "Fetch the pages at these URLs and ingest them."),
        (
            "feed",
            "fetch the new items of an RSS or Atom feed and ingest them",
            "Fetch an RSS or Atom feed and the pages of its items, and ingest them. Items fetched by an\n"
            "earlier run are not asked for again.",
        ),
        (
            "sitemap",
            "fetch the new pages of a sitemap (or sitemap index) and ingest them",
            "Fetch a sitemap (<urlset>, or a <sitemapindex> of sitemaps nested up to 3 deep; gzipped or\n"
            "not) and the pages it lists, and ingest them. Pages fetched by an earlier run are not asked\n"
            "for again.",
        ),
    )
    for name, summary, description in commands:
        p = sub.add_parser(
            name, help=summary, description=f"{description}\n\n{_COLLECT_NOTE}", formatter_class=_formatter
        )
        if name == "fetch":
            p.add_argument("urls", nargs="+", metavar="URL", help="http or https URLs of pages")
        else:
            p.add_argument("url", metavar="URL", help=f"the {name}'s http or https URL")
            p.add_argument(
                "--limit", type=int, default=None, metavar="N", help="fetch at most N new pages this run"
            )
        _setting_option(p, "db")
        _setting_option(p, "fetch_rate", kind=float)
        _setting_option(p, "fetch_timeout", kind=float)
        _setting_option(p, "fetch_retries", kind=int)
        _setting_option(p, "fetch_backoff", kind=float)
        _setting_option(p, "max_response_bytes", kind=int)
        _setting_option(p, "fetch_contact")
        _setting_option(p, "n_process", kind=int)
        _flag_option(p, "fail_fast")
        _setting_option(p, "kb")
        _setting_option(p, "techniques_lexicon")
        p.add_argument(
            "--progress", dest="progress", action=argparse.BooleanOptionalAction, default=None,
            help="show a progress bar (default: only on a terminal)",
        )  # fmt: skip


def _settings(args: argparse.Namespace) -> Settings:
    names = [name for name in _SETTING_HELP if name in vars(args)]
    return DEFAULT_SETTINGS.with_overrides(**{name: getattr(args, name) for name in names})


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args, _settings(args))
    except ClaimgraphError as exc:
        print(f"claimgraph: {exc}", file=sys.stderr)
        return exc.exit_status
    except BrokenPipeError:
        # `claimgraph search x | head` closing the pipe early is not an error.
        return 0


def _cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from claimgraph.ingest import ingest
    from claimgraph.store import Store

    report = ingest(args.paths, settings=settings, force=args.force)
    with Store(settings.db, read_only=True) as store:
        counts = store.counts()
    print(
        f"ingested in {report.seconds:.1f} s: {report.new} new, {report.updated} updated, "
        f"{report.unchanged} unchanged, {len(report.rejected)} rejected"
    )
    _print_unanalysed(report.unanalysed)
    print(
        f"store {settings.db}: {counts.documents} documents, {counts.entity_mentions} entity mentions, "
        f"{counts.entities} entities, {counts.statements} statements, {counts.claims} claims, "
        f"{counts.disputes} disputes"
    )
    if report.corpus is not None and report.corpus.new_documents + report.corpus.removed_documents:
        corpus = report.corpus
        print(
            f"corpus-wide stages in {report.corpus_seconds:.1f} s: {corpus.copy_pairs} new pairs of copies, "
            f"{corpus.reread_documents} stored documents read again for new place names, "
            f"{corpus.dirty_blocks} dispute blocks compared again, {corpus.entities} entities resolved again"
        )
    if report.corpus is not None and report.corpus.techniques_refound:
        print(
            f"techniques found again in {report.corpus.techniques_refound} stored documents: the techniques "
            "stage (its lexicon or code) differs from the one that found their spans"
        )
    return _listed_rejections(report.rejected)


def _print_unanalysed(unanalysed: Counter[str]) -> None:
    if unanalysed:
        languages = ", ".join(f"{language} {n}" for language, n in unanalysed.most_common())
        print(f"stored without analysis, in languages it does not read yet: {languages}")


def _listed_rejections(rejected: Sequence[Rejection]) -> int:
    """Print the inputs that could not be stored, each with the stage that gave up on it and why;
    the exit status says whether there were any."""
    if not rejected:
        return 0
    stages = Counter(r.stage for r in rejected)
    print(f"rejected ({', '.join(f'{stage} {n}' for stage, n in stages.most_common())}):")
    for rejection in rejected:
        print(f"  {rejection.source} [{rejection.stage}]: {rejection.reason}")
    return 3


def _cmd_collect(args: argparse.Namespace, settings: Settings) -> int:
    from claimgraph.collect import collect_feed, collect_sitemap, fetch
    from claimgraph.store import Store

    if args.command == "fetch":
        report = fetch(args.urls, settings=settings)
    elif args.command == "feed":
        report = collect_feed(args.url, settings=settings, limit=args.limit)
    else:
        report = collect_sitemap(args.url, settings=settings, limit=args.limit)
    listed = f"{report.listed} listed, {report.skipped} fetched before; " if args.command != "fetch" else ""
    print(
        f"fetched in {report.seconds:.1f} s: {listed}{report.fetched} pages answered, "
        f"{report.not_modified} not modified (304), {len(report.failed)} failed; {report.requests} requests"
    )
    ingested = report.ingest
    if ingested is not None:
        print(
            f"ingested: {ingested.new} new, {ingested.updated} updated, {ingested.unchanged} unchanged, "
            f"{len(ingested.rejected)} rejected"
        )
        _print_unanalysed(ingested.unanalysed)
    with Store(settings.db, read_only=True) as store:
        counts = store.counts()
    print(f"store {settings.db}: {counts.documents} documents, {counts.statements} statements")
    return _listed_rejections(report.rejected)


def _cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    from claimgraph.export import export_store
    from claimgraph.store import Store

    with Store(settings.db, read_only=True) as store:
        counts = export_store(store, fmt=args.fmt, out=args.out, settings=settings)
    summary = ", ".join(f"{n} {kind}" for kind, n in counts.items() if n)
    print(f"wrote {args.out} ({summary or 'empty store'})")
    return 0


def _cmd_import(args: argparse.Namespace, settings: Settings) -> int:
    from claimgraph.restore import import_export

    report = import_export(args.export_file, settings=settings)
    print(
        f"imported {args.export_file} into {settings.db} in {report.seconds:.1f} s: "
        f"{report.documents} documents, {report.entities} entities, {report.statements} statements, "
        f"{report.times} times, {report.quantities} quantities, {report.claims} claim sentences, "
        f"{report.disputes} disputes, {report.techniques} techniques"
    )
    return 0


def _cmd_show(args: argparse.Namespace, settings: Settings) -> int:
    from claimgraph.export import EntityIndex, document_record, statement_record
    from claimgraph.query import show_document
    from claimgraph.store import Store

    with Store(settings.db, read_only=True) as store:
        view = show_document(store, args.doc_id)
    doc = view.document
    if args.json:
        record: dict[str, Any] = document_record(doc)
        record["mentions"] = [
            {"start": m.span.start, "end": m.span.end, "text": m.text, "label": m.label, "stage": m.stage}
            for m in view.mentions
        ]
        record["statements"] = [statement_record(s, EntityIndex(())) for s in view.statements]
        print(json.dumps(record, ensure_ascii=False, indent=1))
        return 0
    meta = doc.metadata
    print(f"{doc.id}  {doc.source}")
    print(f"title:     {meta.title or '-'}")
    print(f"outlet:    {meta.outlet or '-'}")
    print(f"authors:   {', '.join(meta.authors) or '-'}")
    print(f"published: {meta.published.isoformat() if meta.published else '-'}")
    print(f"extractor: {doc.extractor}")
    print()
    print(doc.text)
    print()
    print(f"statements ({len(view.statements)}):")
    for st in view.statements:
        speaker = st.speaker
        resolved = doc.text[speaker.referent.start : speaker.referent.end] if speaker.referent else None
        if resolved is None and speaker.author is not None:
            resolved = f"{speaker.author} (the author)"  # the text's own "I", named by its metadata
        who = speaker.text + (f" → {resolved}" if resolved and resolved != speaker.text else "")
        who += " (anonymous)" if speaker.anonymous else ""
        extras = ", ".join(
            part for part in (st.channel and f"via {st.channel}", st.said_on and f"on {st.said_on}") if part
        )
        where = f"  {st.content.start:>6}-{st.content.end:<6} {st.kind:<8}"
        print(f"{where} {who} [{st.cue}]" + (f" {extras}" if extras else ""))
        print(f"         {st.content_text}")
    print(f"entity mentions ({len(view.mentions)}):")
    for m in view.mentions:
        print(f"  {m.span.start:>6}-{m.span.end:<6} {m.label:<8} {m.text}  [{m.stage}]")
    return 0


def _cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    from claimgraph.query import search_documents
    from claimgraph.store import Store

    with Store(settings.db, read_only=True) as store:
        hits = search_documents(store, args.query, limit=args.limit)
    if args.json:
        print(json.dumps([asdict(h) for h in hits], ensure_ascii=False, indent=1))
        return 0
    if not hits:
        print("no matches")
    for hit in hits:
        print(f"{hit.doc_id}  {hit.score:6.3f}  {hit.title or hit.source}")
        print(f"    {hit.snippet}")
    return 0


def _cmd_entity(args: argparse.Namespace, settings: Settings) -> int:
    from claimgraph.query import find_entity
    from claimgraph.store import Store

    with Store(settings.db, read_only=True) as store:
        views = find_entity(store, args.name, settings=settings)
    if args.json:
        records = [
            {
                **{
                    key: getattr(v.entity, key)
                    for key in ("id", "name", "type", "description", "kb_id", "lat", "lon")
                },
                "aliases": list(v.entity.aliases),
                "mentions_by_doc": [{"doc": d, "title": t, "mentions": n} for d, t, n in v.mentions_by_doc],
                "merged_because": [asdict(r) for r in v.reasons],
            }
            for v in views
        ]
        print(json.dumps(records, ensure_ascii=False, indent=1))
        return 0
    for view in views:
        entity = view.entity
        print(f"{entity.name}  ({entity.type}, {len(entity.mentions)} mentions, id {entity.id})")
        if entity.description:
            print(f"  {entity.description}")
        if entity.kb_id:
            print(f"  Wikidata {entity.kb_id}")
        if entity.lat is not None and entity.lon is not None:
            print(f"  at {entity.lat:.4f}, {entity.lon:.4f}")
        print("  names: " + "; ".join(entity.aliases))
        print("  mentions per document:")
        for doc, title, n in view.mentions_by_doc:
            print(f"    {n:4d}  {doc}  {title or ''}")
        if view.reasons:
            print("  merged because:")
            for reason in view.reasons:
                print(f"    {reason.a} + {reason.b}: {reason.rule}")
    return 0


def _cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from claimgraph.errors import AuthRequired, StoreBusy, UsageError
    from claimgraph.server import create_app
    from claimgraph.server.guard import is_loopback

    token = None if args.no_auth else args.token or os.environ.get("CLAIMGRAPH_TOKEN") or None
    if token is None and not args.no_auth and not is_loopback(args.host):
        raise AuthRequired(args.host)
    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port {args.port} is not a port number")
    app = create_app(settings=settings, token=token)
    try:
        # Read before the first request, so that it is answered at once and a broken store says so here.
        app.state.corpus.snapshot()
    except StoreBusy as exc:
        print(f"claimgraph: {exc.message}; until then requests get 503", file=sys.stderr)
    if token is None and not is_loopback(args.host):
        print(
            f"claimgraph: no authentication: anyone who can reach {args.host} can read the store",
            file=sys.stderr,
        )
    access = "token required" if token else "no token"
    print(
        f"claimgraph: serving {settings.db} at http://{args.host}:{args.port}/ ({access}; Ctrl-C stops)",
        flush=True,
    )
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        log_level="warning",
        server_header=False,
        # h11 refuses a request line and headers over this with a bare 400; keep it above the
        # server's own limit on the target, which answers 414 with the error shape.
        h11_max_incomplete_event_size=max(16_384, settings.max_url_bytes + 8_192),
    )
    return 0


def _cmd_disputes(args: argparse.Namespace, settings: Settings) -> int:
    from claimgraph.query import dispute_views
    from claimgraph.store import Store

    with Store(settings.db, read_only=True) as store:
        views = [v for v in dispute_views(store) if args.kind is None or v.kind == args.kind]
    if args.json:
        print(json.dumps([asdict(v) for v in views], ensure_ascii=False, indent=1, default=str))
        return 0
    if not views:
        print("no disputes found")
    for view in views:
        print(f"{view.kind}: {view.explanation}  [{view.id}]")
        for side in (view.a, view.b):
            source = ", ".join(x for x in (side.outlet, str(side.published or "undated")) if x)
            print(f"  {source} ({side.doc}, {side.start}-{side.end}):")
            print(f'    "{side.text}"')
        print()
    return 0


def _cmd_brief(args: argparse.Namespace, settings: Settings) -> int:
    from claimgraph.brief import build_brief, write_brief
    from claimgraph.store import Store

    with Store(settings.db, read_only=True) as store:
        brief = build_brief(
            store, about=args.about, date_from=args.date_from, date_to=args.date_to, settings=settings
        )
    written = write_brief(brief, fmt=args.fmt, out=args.out, settings=settings)
    files = ", ".join(str(w) for w in written)
    print(
        f"wrote {files}: {brief.method.documents} articles, {len(brief.speakers)} speakers, "
        f"{len(brief.disputes)} disputes, {len(brief.citations)} citations"
    )
    return 0


def _cmd_techniques(args: argparse.Namespace, settings: Settings) -> int:
    from claimgraph.query import technique_rates
    from claimgraph.store import Store

    with Store(settings.db, read_only=True) as store:
        rates = [r for r in technique_rates(store, settings=settings) if args.by in (None, r.by)]
    if args.json:
        print(json.dumps([asdict(r) for r in rates], ensure_ascii=False, indent=1))
        return 0
    if not rates:
        print("no documents in the store")
    for by in ("outlet", "speaker"):
        rows = [r for r in rates if r.by == by]
        if not rows:
            continue
        print(f"{by:<40} {'words':>7} {'spans':>6} {'per 1,000 words':>16}  techniques")
        for r in rows:
            used = ", ".join(f"{name} {count}" for name, count in r.techniques)
            print(f"{r.name[:40]:<40} {r.words:>7,} {r.spans:>6} {r.per_1000_words:>16.2f}  {used}")
        print()
    return 0


_COMMANDS = {
    "ingest": _cmd_ingest,
    "fetch": _cmd_collect,
    "feed": _cmd_collect,
    "sitemap": _cmd_collect,
    "export": _cmd_export,
    "import": _cmd_import,
    "show": _cmd_show,
    "search": _cmd_search,
    "entity": _cmd_entity,
    "disputes": _cmd_disputes,
    "techniques": _cmd_techniques,
    "brief": _cmd_brief,
    "serve": _cmd_serve,
}


def reference_markdown() -> str:
    """The CLI reference as Markdown, generated from --help (kept in the README, checked by a test)."""
    parser = build_parser()
    parts = ["```", parser.format_help().rstrip(), "```"]
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, sub in subparsers.choices.items():
        parts += ["", f"### `claimgraph {name}`", "", "```", sub.format_help().rstrip(), "```"]
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    sys.exit(main())
