"""Word export: organisation templates, and failures that leave nothing half-written."""

from __future__ import annotations

from tests.exports.docx_sample import *  # noqa: F401,F403 - the sample and its helpers


# ------------------------------------------------------------------------- templates
def _make_template(path: Path) -> Path:
    template = docx.Document()
    template.styles["Heading 1"].font.color.rgb = docx.shared.RGBColor(0xC0, 0x10, 0x20)
    template.styles["Normal"].font.name = "Georgia"
    section = template.sections[0]
    section.header.paragraphs[0].text = "ACME template header"
    template.add_paragraph("TEMPLATE BODY TO DROP")
    template.add_table(rows=1, cols=1).cell(0, 0).text = "TEMPLATE TABLE"
    template.save(str(path))
    return path


def _check_template_honoured(out: Path):
    document = docx.Document(str(out))
    assert str(document.styles["Heading 1"].font.color.rgb) == "C01020"
    assert document.styles["Normal"].font.name == "Georgia"
    texts = [p.text for p in document.paragraphs]
    assert "TEMPLATE BODY TO DROP" not in texts
    assert all(c.text != "TEMPLATE TABLE" for t in document.tables for c in t.rows[0].cells)
    assert document.sections[0].header.paragraphs[0].text == "ACME template header"
    assert [t for s, t in headings(document) if s == "Heading 1"] == SECTION_TITLES
    # Styles the template lacked were created.
    for name in ("Table Text", "Card Label", "Roadmap Table", "toc 1"):
        assert document.styles[name] is not None
    # Our footer (page numbers) still fills the template's empty footer.
    assert "NUMPAGES" in document.sections[0].footer._element.xml


def test_docx_template_is_honoured(tmp_path):
    template = _make_template(tmp_path / "corporate.docx")
    out = render_docx(make_report(), tmp_path / "out.docx", template=template)
    _check_template_honoured(out)


def test_dotx_template_works(tmp_path):
    source = _make_template(tmp_path / "base.docx")
    dotx = tmp_path / "corporate.dotx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(dotx, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            dst.writestr(item, data)
    with pytest.raises(ValueError):
        docx.Document(str(dotx))  # python-docx alone refuses it
    out = render_docx(make_report(), tmp_path / "out.docx", template=str(dotx))
    _check_template_honoured(out)
    with zipfile.ZipFile(out) as z:
        assert b"document.main+xml" in z.read("[Content_Types].xml")


@pytest.mark.parametrize("name, content", [
    ("broken.docx", b"this is not a zip"),
    ("notes.txt", b"hello"),
    ("missing.dotx", None),
])
def test_invalid_template_raises(tmp_path, name, content):
    template = tmp_path / name
    if content is not None:
        template.write_bytes(content)
    target = tmp_path / "out" / "roadmap.docx"
    target.parent.mkdir()
    with pytest.raises(ExportError) as info:
        render_docx(make_report(logo=False), target, template=template)
    assert info.value.kind == ExportError.TEMPLATE
    assert name in str(info.value) and "\n" not in str(info.value)
    assert folder_listing(target.parent) == []


# --------------------------------------------------------------------------- failures
ORIGINAL = b"previous export, must survive"


@pytest.fixture
def existing(tmp_path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "Roadmap.docx"
    target.write_bytes(ORIGINAL)
    return target


def _assert_untouched(target: Path, extra: tuple[str, ...] = ()):
    assert target.read_bytes() == ORIGINAL
    assert folder_listing(target.parent) == sorted((target.name,) + extra)


def test_missing_folder(tmp_path):
    with pytest.raises(ExportError) as info:
        render_docx(make_report(logo=False), tmp_path / "nope" / "roadmap.docx")
    assert info.value.kind == ExportError.FOLDER_MISSING
    assert "does not exist" in str(info.value)
    assert not (tmp_path / "nope").exists()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root ignores folder permissions")
def test_read_only_folder(existing):
    folder = existing.parent
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(ExportError) as info:
            render_docx(make_report(logo=False), existing)
    finally:
        folder.chmod(stat.S_IRWXU)
    assert info.value.kind == ExportError.PERMISSION
    _assert_untouched(existing)


def test_permission_denied_when_creating_temp_file(existing, monkeypatch):
    def deny(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(docx_io.tempfile, "mkstemp", deny)
    with pytest.raises(ExportError) as info:
        render_docx(make_report(logo=False), existing)
    assert info.value.kind == ExportError.PERMISSION
    _assert_untouched(existing)


def test_target_locked_by_another_program(existing, monkeypatch):
    """On Windows os.replace fails with PermissionError while Word holds the file."""
    def locked(src, dst):
        raise PermissionError(errno.EACCES, "Access is denied")

    monkeypatch.setattr(docx_io.os, "replace", locked)
    with pytest.raises(ExportError) as info:
        render_docx(make_report(logo=False), existing)
    assert info.value.kind == ExportError.LOCKED
    assert "close it and try again" in str(info.value)
    _assert_untouched(existing)


def test_permission_error_on_new_file_is_a_permission_problem(tmp_path, monkeypatch):
    def denied(src, dst):
        raise PermissionError(errno.EACCES, "Access is denied")

    monkeypatch.setattr(docx_io.os, "replace", denied)
    with pytest.raises(ExportError) as info:
        render_docx(make_report(logo=False), tmp_path / "new.docx")
    assert info.value.kind == ExportError.PERMISSION
    assert folder_listing(tmp_path) == []


def test_disk_full(existing, monkeypatch):
    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(docx_io.os, "fsync", full)
    with pytest.raises(ExportError) as info:
        render_docx(make_report(logo=False), existing)
    assert info.value.kind == ExportError.DISK_FULL
    assert "disk is full" in str(info.value)
    _assert_untouched(existing)


@pytest.mark.parametrize("lock_name", ["~$Roadmap.docx", ".~lock.Roadmap.docx#"])
def test_word_lock_file_present(existing, lock_name):
    lock = existing.with_name(lock_name)
    lock.write_bytes(b"owner")
    with pytest.raises(ExportError) as info:
        render_docx(make_report(logo=False), existing)
    assert info.value.kind == ExportError.LOCKED
    assert "Roadmap.docx" in str(info.value) and "close it" in str(info.value)
    _assert_untouched(existing, (lock_name,))


def test_long_name_word_lock_file(tmp_path):
    target = tmp_path / "Feuille-de-route.docx"
    (tmp_path / "~$uille-de-route.docx").write_bytes(b"owner")  # Word drops 2 characters
    with pytest.raises(ExportError) as info:
        render_docx(make_report(logo=False), target)
    assert info.value.kind == ExportError.LOCKED
    assert not target.exists()


def test_unexpected_os_error(existing, monkeypatch):
    def broken(src, dst):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(docx_io.os, "replace", broken)
    with pytest.raises(ExportError) as info:
        render_docx(make_report(logo=False), existing)
    assert info.value.kind == ExportError.OTHER and "Input/output error" in str(info.value)
    _assert_untouched(existing)


def test_success_replaces_existing_file(existing):
    existing.chmod(0o640)
    render_docx(make_report(logo=False), existing)
    assert existing.read_bytes()[:2] == b"PK"
    assert folder_listing(existing.parent) == ["Roadmap.docx"]
    if os.name == "posix":
        assert stat.S_IMODE(existing.stat().st_mode) == 0o640
    docx.Document(str(existing))
