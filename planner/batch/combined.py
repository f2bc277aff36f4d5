"""One combined PDF of a whole roster, streamed page by page so memory stays flat."""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..errors import OutputExistsError, PlannerError

COMBINED_MARK = "/WorkoutPlannerRoster"
# A file name is at most 255 bytes on common file systems; leave room for "-1234.pdf".

# --- the combined PDF ----------------------------------------------------------------------------


def is_combined_handout(path: Path) -> bool:
    """True for a combined PDF this tool wrote: a re-run may refresh it without --force.
    Its metadata is the first object in the file, so the check reads 2 KB, not the PDF."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(2048)
    except OSError:
        return False
    return head.startswith(b"%PDF-") and COMBINED_MARK.encode() in head


def check_combined_target(path: Path, force: bool, out_dir: Path | None = None) -> None:
    """Refuse before any work starts, not after an hour of printing."""
    path = Path(path)
    target = path.resolve()
    if path.is_dir() or (out_dir is not None and target in (Path(out_dir).resolve(), *Path(out_dir).resolve().parents)):
        raise PlannerError(f"combined: '{path}' is a folder; give a file name such as '{path}.pdf'")
    inside_out = out_dir is not None and target.parent == Path(out_dir).resolve()
    if not target.parent.is_dir() and not inside_out:
        raise PlannerError(f"combined: cannot write '{path}': '{path.parent}' is not a folder")
    if path.exists() and not force and not is_combined_handout(path):
        raise OutputExistsError(
            f"combined: '{path}' already exists and is not a combined roster handout; "
            "use --force to overwrite it"
        )


def write_combined(entries: Iterable[tuple[str, Path]], target: Path, source: str) -> tuple[int, list[str]]:
    """One PDF of every client, one bookmark per client (their own bookmarks beneath, closed),
    copied object by object from the files on disk straight into a temp file: memory holds one
    client's PDF at a time, not the whole group. Returns the page count and warnings for files
    that could not be read (they are left out)."""
    folder = target.parent if str(target.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    warnings: list[str] = []
    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.ERROR)  # our one-line warning says it; pypdf's would add noise
    try:
        with os.fdopen(fd, "wb") as handle:
            pdf = _StreamedPdf(
                handle, {"/Title": f"Training plans: {source}", "/Creator": "workout-planner", COMBINED_MARK: source}
            )
            for title, path in entries:
                try:
                    pdf.add_document(title, path)
                except Exception:  # a damaged or foreign file costs its place only
                    warnings.append(f"combined: left out '{path.name}': not a readable PDF")
            if pdf.pages:
                pdf.finish()
                handle.flush()
                os.fsync(handle.fileno())
        if pdf.pages:
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        return pdf.pages, warnings
    finally:
        pypdf_log.setLevel(level)
        tmp.unlink(missing_ok=True)


class _StreamedPdf:
    """A PDF written as it is built: each client's objects are renumbered and written out, and
    only their offsets (8 bytes an object) and one small record per client stay in memory."""

    def __init__(self, handle: Any, info: dict[str, str]) -> None:
        from array import array

        from pypdf.generic import DictionaryObject, NameObject, TextStringObject

        self._out = handle
        self._offsets = array("q")
        self._clients: list[tuple[int, str, int, int, tuple[int, int, int] | None]] = []
        self.pages = 0
        handle.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        self._info = self._reserve()
        self._put(self._info, DictionaryObject({NameObject(k): TextStringObject(v) for k, v in info.items()}))
        self._root_pages = self._reserve()
        self._outlines = self._reserve()

    def _reserve(self) -> int:
        self._offsets.append(-1)
        return len(self._offsets)

    def _put(self, number: int, obj: Any) -> None:
        self._offsets[number - 1] = self._out.tell()
        self._out.write(b"%d 0 obj\n" % number)
        obj.write_to_stream(self._out)
        self._out.write(b"\nendobj\n")

    def add_document(self, title: str, path: Path) -> None:
        from pypdf import PdfReader
        from pypdf.generic import (
            ArrayObject,
            DictionaryObject,
            IndirectObject,
            NameObject,
            NumberObject,
        )

        reader = PdfReader(path)
        sources = list(reader.pages)  # parse before writing anything: a bad file writes nothing
        outline = _outline_nodes(reader, reader.outline)
        if not sources:
            return
        mapping: dict[int, int] = {}
        queue: list[Any] = []
        page_ids = {page.indirect_reference.idnum for page in sources}
        node = self._reserve()

        def ref(indirect: Any) -> Any:
            if indirect.idnum not in mapping:
                mapping[indirect.idnum] = self._reserve()
                queue.append(indirect)
            return IndirectObject(mapping[indirect.idnum], 0, None)

        kids = ArrayObject(ref(page.indirect_reference) for page in sources)
        while queue:
            indirect = queue.pop()
            obj = indirect.get_object()
            if indirect.idnum in page_ids:
                obj = {k: v for k, v in obj.items() if k != "/Parent"}
                copied = _renumber(obj, ref)
                copied[NameObject("/Parent")] = IndirectObject(node, 0, None)
            else:
                copied = _renumber(obj, ref)
            self._put(mapping[indirect.idnum], copied)
        self._put(
            node,
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Pages"),
                    NameObject("/Parent"): IndirectObject(self._root_pages, 0, None),
                    NameObject("/Kids"): kids,
                    NameObject("/Count"): NumberObject(len(kids)),
                }
            ),
        )
        page_numbers = [k.idnum for k in kids]
        item = self._reserve()
        children = self._write_outline(outline, item, page_numbers) if outline else None
        self._clients.append((item, title, page_numbers[0], node, children))
        self.pages += len(kids)

    def _write_outline(
        self, nodes: list[tuple[str, int, list[Any]]], parent: int, pages: list[int]
    ) -> tuple[int, int, int]:
        """Write sibling outline items (closed), returning (first, last, count)."""
        numbers = [self._reserve() for _ in nodes]
        for index, (title, page, children) in enumerate(nodes):
            extra: dict[str, Any] = {}
            if children:
                first, last, count = self._write_outline(children, numbers[index], pages)
                extra = {"/First": first, "/Last": last, "/Count": -count}
            self._put(
                numbers[index],
                _outline_item(
                    title,
                    pages[min(max(page, 0), len(pages) - 1)],
                    parent,
                    numbers[index - 1] if index else None,
                    numbers[index + 1] if index + 1 < len(numbers) else None,
                    extra,
                ),
            )
        return numbers[0], numbers[-1], len(numbers)

    def finish(self) -> None:
        from pypdf.generic import (
            ArrayObject,
            DictionaryObject,
            IndirectObject,
            NameObject,
            NullObject,
            NumberObject,
        )

        def ref(number: int) -> Any:
            return IndirectObject(number, 0, None)

        clients = self._clients
        for index, (item, title, page, _node, children) in enumerate(clients):
            extra: dict[str, Any] = {}
            if children:
                extra = {"/First": children[0], "/Last": children[1], "/Count": -children[2]}
            self._put(
                item,
                _outline_item(
                    title,
                    page,
                    self._outlines,
                    clients[index - 1][0] if index else None,
                    clients[index + 1][0] if index + 1 < len(clients) else None,
                    extra,
                ),
            )
        outlines = DictionaryObject({NameObject("/Type"): NameObject("/Outlines")})
        if clients:
            outlines[NameObject("/First")] = ref(clients[0][0])
            outlines[NameObject("/Last")] = ref(clients[-1][0])
            outlines[NameObject("/Count")] = NumberObject(len(clients))
        self._put(self._outlines, outlines)
        self._put(
            self._root_pages,
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Pages"),
                    NameObject("/Kids"): ArrayObject(ref(c[3]) for c in clients),
                    NameObject("/Count"): NumberObject(self.pages),
                }
            ),
        )
        catalog = self._reserve()
        self._put(
            catalog,
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Catalog"),
                    NameObject("/Pages"): ref(self._root_pages),
                    NameObject("/Outlines"): ref(self._outlines),
                    NameObject("/PageMode"): NameObject("/UseOutlines"),
                }
            ),
        )
        for number, offset in enumerate(self._offsets, start=1):
            if offset < 0:  # reserved by a client that failed half-way: a harmless null
                self._put(number, NullObject())
        start = self._out.tell()
        size = len(self._offsets) + 1
        self._out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
        self._out.write(b"".join(b"%010d 00000 n \n" % offset for offset in self._offsets))
        trailer = DictionaryObject(
            {
                NameObject("/Size"): NumberObject(size),
                NameObject("/Root"): ref(catalog),
                NameObject("/Info"): ref(self._info),
            }
        )
        self._out.write(b"trailer\n")
        trailer.write_to_stream(self._out)
        self._out.write(b"\nstartxref\n%d\n%%%%EOF\n" % start)


def _renumber(obj: Any, ref: Callable[[Any], Any]) -> Any:
    """A copy of obj whose references point at the new object numbers (streams keep their
    encoded bytes as they are: nothing is decoded or recompressed)."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

    if isinstance(obj, IndirectObject):
        return ref(obj)
    if isinstance(obj, StreamObject):
        stream = type(obj)()
        stream.update({k: _renumber(v, ref) for k, v in obj.items()})
        stream._data = obj._data
        return stream
    if isinstance(obj, dict):
        return DictionaryObject({k: _renumber(v, ref) for k, v in obj.items()})
    if isinstance(obj, list):
        return ArrayObject(_renumber(v, ref) for v in obj)
    return obj


def _outline_nodes(reader: Any, items: list[Any]) -> list[tuple[str, int, list[Any]]]:
    """pypdf's nested outline list -> (title, page index, children)."""
    nodes: list[tuple[str, int, list[Any]]] = []
    for item in items:
        if isinstance(item, list):
            if nodes:
                nodes[-1][2].extend(_outline_nodes(reader, item))
            continue
        page = reader.get_destination_page_number(item)
        nodes.append((str(item.title), page if page is not None else 0, []))
    return nodes


def _outline_item(
    title: str, page: int, parent: int, prev: int | None, nxt: int | None, extra: dict[str, Any]
) -> Any:
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        IndirectObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    item = DictionaryObject(
        {
            NameObject("/Title"): TextStringObject(title),
            NameObject("/Parent"): IndirectObject(parent, 0, None),
            NameObject("/Dest"): ArrayObject([IndirectObject(page, 0, None), NameObject("/Fit")]),
        }
    )
    links = {"/Prev": prev, "/Next": nxt, "/First": extra.get("/First"), "/Last": extra.get("/Last")}
    for key, number in links.items():
        if number is not None:
            item[NameObject(key)] = IndirectObject(number, 0, None)
    if "/Count" in extra:
        item[NameObject("/Count")] = NumberObject(extra["/Count"])
    return item


