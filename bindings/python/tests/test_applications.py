"""Applications: documents checked by content, submission returned with
what is missing, statuses, confirmation and comments, with refusal codes."""

from __future__ import annotations

import pytest

import kabinet
from conftest import COMPANY_INN, HEAD_SNILS, T0, World, as_

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
XML = b'<?xml version="1.0" encoding="UTF-8"?><report/>'
QES = kabinet.Signature("qualified", snils=HEAD_SNILS, organization_inn=COMPANY_INN)


def test_documents_are_recognized_by_content() -> None:
    content = kabinet.inspect_document(PDF)
    assert content["format"] == "pdf" and content["size"] == len(PDF) and len(content["sha256"]) == 32
    assert kabinet.sniff_document(XML) == "xml"
    partial = kabinet.inspect_document(PDF[:16], size=5000)
    assert partial["size"] == 5000 and "sha256" not in partial
    with pytest.raises(kabinet.ApplicationError) as e:
        kabinet.inspect_document(b"MZ\x90\x00 an executable")
    assert e.value.code == "document.unrecognized_content"
    with pytest.raises(kabinet.ApplicationError) as e2:
        kabinet.inspect_document(PDF, size=11 * 1024 * 1024)
    assert e2.value.code == "document.too_large"


def test_submission_is_returned_with_what_is_missing_then_goes_through(world: World) -> None:
    k, head, org = world.k, world.head, world.org
    signed = as_(head, QES)
    app = k.create_application(signed, org, "registration_change", "Смена адреса")
    created = k.application(app)
    assert created is not None and created["status"] == "draft" and created["number"].startswith("ЗВ")
    assert k.application_by_number(created["number"]) == created
    assert [a["id"] for a in k.applications(org)] == [app]
    k.attach_document(signed, app, "form", "form.pdf", PDF, signature="simple")
    returned = k.submit_application(signed, app)
    missing = kabinet.missing_documents(returned)
    assert missing is not None
    assert {"missing": "document", "slot": "charter"} in missing
    assert {"missing": "signature", "slot": "form", "required": "qualified", "offered": "simple"} in missing
    k.attach_document(signed, app, "form", "form.xml", XML, signature="qualified")
    k.attach_document(signed, app, "charter", "charter.pdf", PDF)
    submitted = k.submit_application(signed, app)
    assert kabinet.missing_documents(submitted) is None
    assert (k.application(app) or {})["status"] == "processing"
    k.set_application_status(app, "awaiting_confirmation", comment="подтвердите", at=T0)
    k.confirm_application(signed, app)
    k.comment_application(signed, app, "спасибо")
    k.set_application_status(app, "approved", at=T0)
    final = k.application(app)
    assert final is not None and final["status"] == "approved"
    assert [c["text"] for c in final["comments"]][-1] == "спасибо"
    # Replacing the form kept the first one in the history.
    assert len(final["documents"]) == 2
    assert [(d["file_name"], d["version"]) for d in final["replaced"]] == [("form.pdf", 1)]
    assert [h["status"] for h in final["history"]][-1] == "approved"


def test_refusals_of_applications_have_their_codes(world: World) -> None:
    k, head, org = world.k, world.head, world.org
    signed = as_(head, QES)
    with pytest.raises(kabinet.ApplicationError) as e:
        k.create_application(signed, org, "petition", "Нет такого вида")
    assert e.value.code == "application.unknown_kind"
    app = k.create_application(signed, org, "report", "Отчёт")
    with pytest.raises(kabinet.ApplicationError) as e2:
        k.attach_document(signed, app, "appendix", "a.pdf", PDF)
    assert e2.value.code == "application.unknown_slot"
    with pytest.raises(kabinet.ApplicationError) as e3:
        k.attach_document(signed, app, "form", "photo.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 20)
    assert e3.value.code == "document.wrong_format"
    with pytest.raises(kabinet.ApplicationError) as e4:
        k.confirm_application(signed, app)
    assert e4.value.code == "application.wrong_status"
    with pytest.raises(kabinet.ApplicationError) as e5:
        k.submit_application(signed, 999)
    assert e5.value.code == "application.not_found"
