"""The two permission groups of room bookings, created (or completed) idempotently by
``manage.py setup_booking_groups`` and by the demo.

Not a data migration: groups are site configuration that administrators edit in
Settings → Groups (rename, add people, add permissions); a migration would run once per
database and then either fight those edits or go stale. The command can be run again at
any time: it only adds the missing permissions.

- *Room bookers*: see every room's week and day (purposes of non-private bookings), find a
  free room, book, edit and cancel their own bookings.
- *Room approvers*: the same, plus the approval queue, cancelling anyone's booking and the
  usage report.
- Anyone else with only "Can view booking" sees free/busy: times, without purposes or
  teams (see ``privacy.HolderLabels``).
"""

from django.contrib.auth.models import Group, Permission

BOOKERS = "Room bookers"
APPROVERS = "Room approvers"

BOOKER_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("events", "view_booking"),
    ("events", "add_booking"),
    ("events", "change_booking"),
    ("events", "view_room"),
]
APPROVER_PERMISSIONS = [*BOOKER_PERMISSIONS, ("events", "approve_booking")]


def _permissions(pairs):
    wanted = set(pairs)
    found = [
        p
        for p in Permission.objects.filter(
            content_type__app_label__in={app for app, _code in wanted},
            codename__in={code for _app, code in wanted},
        ).select_related("content_type")
        if (p.content_type.app_label, p.codename) in wanted
    ]
    missing = wanted - {(p.content_type.app_label, p.codename) for p in found}
    if missing:
        raise LookupError(f"Missing permissions (run migrate first): {sorted(missing)}")
    return found


def ensure_booking_groups() -> dict[str, Group]:
    groups = {}
    for name, pairs in ((BOOKERS, BOOKER_PERMISSIONS), (APPROVERS, APPROVER_PERMISSIONS)):
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*_permissions(pairs))
        groups[name] = group
    return groups
