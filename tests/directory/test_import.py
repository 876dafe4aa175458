"""CSV import: dry run, atomic real run, idempotent re-import, clear messages on bad files."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from directory import importer
from directory.importer import ImportFileError, import_associations
from directory.models import AssociationPage

pytestmark = pytest.mark.usefixtures("english")

HEADER = (
    "key,name,summary,needs,audiences,languages,access,cost,anonymous,phone,email,"
    "street,postcode,commune,latitude,longitude,step_free,hours"
)
GOOD = [
    "ecole-1,École des devoirs,Aide aux devoirs.,decrochage-scolaire,jeunes,fr;ar,walk-in,free,no,"
    "+32 2 000 11 22,ecole@example.org,Rue de l'Exemple 1,1050,Ixelles,50.83,4.37,yes,"
    '"mo 09:00-12:00;mo 13:00-17:00"',
    "ecole-1,,,,,,,,,,,Avenue Démo 2,1030,Schaerbeek,,,no,sa 10:00-12:00",
    "refuge-2,Refuge,Accueil.,violence-familiale,parents,nl,phone,free,yes,,,,,,,,,",
]


def csv_bytes(*rows, header=HEADER, encoding="utf-8"):
    return ("\n".join([header, *rows]) + "\n").encode(encoding)


def test_good_file_creates_associations_with_locations(directory_tree):
    d = directory_tree.directory
    report = import_associations(csv_bytes(*GOOD), d, dry_run=False)
    assert report.ok and sorted(report.created) == ["ecole-1", "refuge-2"]
    school = AssociationPage.objects.get(import_key="ecole-1", locale=d.locale)
    assert school.live and school.get_parent().pk == d.pk
    assert [n.slug for n in school.needs.all()] == ["decrochage-scolaire"]
    assert sorted(lang.code for lang in school.languages.all()) == ["ar", "fr"]
    locations = list(school.locations.all())
    assert sorted(loc.commune for loc in locations) == ["ixelles", "schaerbeek"]
    assert [
        (h.weekday, f"{h.opens:%H:%M}-{h.closes:%H:%M}") for h in locations[0].weekly_hours.all()
    ] == [
        (0, "09:00-12:00"),
        (0, "13:00-17:00"),
    ]
    assert AssociationPage.objects.get(import_key="refuge-2").anonymous


def test_semicolon_separated_excel_file_with_bom_is_read(directory_tree):
    data = "\ufeffkey;name;summary;commune\nk1;Nom;Résumé;Elsene\n".encode()
    report = import_associations(data, directory_tree.directory, dry_run=False)
    assert report.created == ["k1"]
    assert AssociationPage.objects.get(import_key="k1").locations.get().commune == "ixelles"


def test_dry_run_reports_every_bad_row_and_writes_nothing(directory_tree):
    d = directory_tree.directory
    bad = [
        GOOD[0],
        "bad key!,Nom,Résumé,unknown-need,,xx,teleport,cheap,maybe,abc,not-an-email,"
        "Rue 1,10500,Atlantis,95,4.3,sometimes,mo 25:00-26:00",
        "k3,,,,,,,,,,,,,,,,,",
    ]
    report = import_associations(csv_bytes(*bad), d, dry_run=True)
    problems = {(e.line, e.field) for e in report.errors}
    assert problems == {
        (3, "key"),
        (3, "needs"),
        (3, "languages"),
        (3, "access"),
        (3, "cost"),
        (3, "anonymous"),
        (3, "phone"),
        (3, "email"),
        (3, "postcode"),
        (3, "commune"),
        (3, "latitude"),
        (3, "step_free"),
        (3, "hours"),
        (4, "name"),
        (4, "summary"),
    }
    assert "nothing was imported" in report.summary()
    assert not AssociationPage.objects.exists()
    # The real run refuses the same file as a whole.
    report = import_associations(csv_bytes(*bad), d, dry_run=False)
    assert report.errors and not AssociationPage.objects.exists()


def test_dry_run_of_a_good_file_writes_nothing(directory_tree):
    report = import_associations(csv_bytes(*GOOD), directory_tree.directory, dry_run=True)
    assert report.ok and len(report.created) == 2
    assert "Dry run" in report.summary()
    assert not AssociationPage.objects.exists()


def test_real_run_is_all_or_nothing(directory_tree, monkeypatch):
    d = directory_tree.directory
    calls = []
    original = importer._apply

    def failing_apply(record, *args):
        calls.append(record.key)
        if record.key == "refuge-2":
            raise RuntimeError("disk full")
        return original(record, *args)

    monkeypatch.setattr(importer, "_apply", failing_apply)
    with pytest.raises(RuntimeError):
        import_associations(csv_bytes(*GOOD), d, dry_run=False)
    assert calls == ["ecole-1", "refuge-2"]
    assert not AssociationPage.objects.exists()


def test_reimport_updates_by_key_and_is_idempotent(directory_tree):
    d = directory_tree.directory
    import_associations(csv_bytes(*GOOD), d, dry_run=False)
    revisions = {p.pk: p.revisions.count() for p in AssociationPage.objects.all()}
    report = import_associations(csv_bytes(*GOOD), d, dry_run=False)
    assert sorted(report.unchanged) == ["ecole-1", "refuge-2"] and not report.created
    assert AssociationPage.objects.count() == 2
    assert {p.pk: p.revisions.count() for p in AssociationPage.objects.all()} == revisions

    changed = [GOOD[0].replace("Aide aux devoirs.", "Aide aux devoirs tous les jours."), GOOD[2]]
    report = import_associations(csv_bytes(*changed), d, dry_run=False)
    assert report.updated == ["ecole-1"] and report.unchanged == ["refuge-2"]
    school = AssociationPage.objects.get(import_key="ecole-1")
    assert school.intro == "Aide aux devoirs tous les jours."
    assert school.locations.count() == 1  # the second location row was dropped
    assert AssociationPage.objects.count() == 2


def test_rows_of_one_key_must_agree(directory_tree):
    rows = [GOOD[0], GOOD[1].replace("ecole-1,,", "ecole-1,Autre nom,")]
    report = import_associations(csv_bytes(*rows), directory_tree.directory, dry_run=True)
    assert [(e.line, e.field) for e in report.errors] == [(3, "name")]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("key,name,summary\nk,Écôle,x\n".encode("latin-1"), "not UTF-8"),
        (b"key,name\nk,Nom\n", "Missing column(s): summary"),
        (b"key,name,summary,colour\nk,N,S,red\n", "Unknown column(s): colour"),
        (b"", "empty"),
        (b"key,name,summary\n", "no rows"),
        (b"PK\x03\x04\x00\x00binary", "not a CSV"),
        (b"key,name,summary\nk,N,S,extra\n", "more values"),
    ],
)
def test_bad_files_get_a_clear_message(directory_tree, data, message):
    with pytest.raises(ImportFileError, match=message.replace("(", r"\(").replace(")", r"\)")):
        import_associations(data, directory_tree.directory)


def test_huge_files_are_refused(directory_tree, monkeypatch):
    monkeypatch.setattr(importer, "MAX_BYTES", 100)
    with pytest.raises(ImportFileError, match="too large"):
        import_associations(csv_bytes(*GOOD), directory_tree.directory)
    monkeypatch.setattr(importer, "MAX_BYTES", 10_000_000)
    monkeypatch.setattr(importer, "MAX_ROWS", 2)
    with pytest.raises(ImportFileError, match="Too many rows"):
        import_associations(csv_bytes(*GOOD), directory_tree.directory)


def test_management_command(directory_tree, tmp_path):
    path = tmp_path / "associations.csv"
    path.write_bytes(csv_bytes(*GOOD))
    out = io.StringIO()
    call_command("import_associations", str(path), "--dry-run", stdout=out)
    assert "Dry run" in out.getvalue() and not AssociationPage.objects.exists()
    call_command("import_associations", str(path), stdout=out)
    assert AssociationPage.objects.count() == 2
    path.write_bytes(csv_bytes("k,,"))
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_associations", str(path), stderr=err)
    assert "line 2" in err.getvalue()
    path.write_bytes("key,name,summary\nk,Écôle,x\n".encode("cp1252"))
    with pytest.raises(CommandError, match="UTF-8"):
        call_command("import_associations", str(path))


def test_admin_upload_needs_the_permission(client, directory_tree, django_user_model):
    from django.contrib.auth.models import Group, Permission
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.models import GroupPagePermission

    url = reverse("directory_import")
    staff = django_user_model.objects.create_user("staff", password="pw")
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    response = client.get(url)
    assert response.status_code in (302, 403)

    staff.user_permissions.add(Permission.objects.get(codename="import_associations"))
    client.force_login(django_user_model.objects.get(pk=staff.pk))
    assert client.get(url).status_code == 200
    # Importing publishes pages: the directory's page permissions are needed too.
    upload = SimpleUploadedFile("a.csv", csv_bytes(*GOOD), content_type="text/csv")
    response = client.post(url, {"directory": directory_tree.directory.pk, "file": upload})
    assert "Vous ne pouvez pas ajouter ni publier de pages" in response.content.decode()
    group = Group.objects.create(name="Directory editors")
    for codename in ("add_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=directory_tree.directory,
            permission=Permission.objects.get(codename=codename),
        )
    staff.groups.add(group)
    client.force_login(django_user_model.objects.get(pk=staff.pk))
    upload = SimpleUploadedFile("a.csv", csv_bytes(*GOOD), content_type="text/csv")
    response = client.post(
        url, {"directory": directory_tree.directory.pk, "file": upload, "dry_run": "on"}
    )
    html = response.content.decode()
    assert "Simulation, rien n’a été enregistré" in html and not AssociationPage.objects.exists()
    upload = SimpleUploadedFile("a.csv", csv_bytes(*GOOD), content_type="text/csv")
    response = client.post(url, {"directory": directory_tree.directory.pk, "file": upload})
    assert "2 nouveau(x)" in response.content.decode()
    assert AssociationPage.objects.count() == 2
    bad = SimpleUploadedFile("a.csv", "key;name\n".encode("utf-16"), content_type="text/csv")
    response = client.post(url, {"directory": directory_tree.directory.pk, "file": bad})
    assert response.status_code == 200
    assert "Ce n’est pas un fichier texte CSV" in response.content.decode()
