"""Helpers that every app's `demo.py` uses to build idempotent, multilingual demo content.

Pages are created in French, then translated with Wagtail's ``copy_for_translation``;
running the builders twice updates what exists instead of duplicating it.
"""

import io
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress

from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models.signals import post_save
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page

LANGUAGE_CODES = ("fr", "nl", "en")


def ensure_locales() -> dict[str, Locale]:
    """The three locales, plus the root page and root collection that Wagtail's own data
    migrations create: after `manage.py flush` (or a transactional test) they are gone,
    and the demo must still load."""
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGE_CODES}
    ensure_root_collection()
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locales["fr"]))
    return locales


def ensure_root_collection() -> Collection:
    """Wagtail's root collection, recreated when a flush removed it."""
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


def _set_fields(page: Page, fields: Mapping) -> None:
    # StreamFields accept raw lists of {"type": …, "value": …} dicts.
    for name, value in fields.items():
        setattr(page, name, value)


def ensure_page(parent: Page, model, slug: str, **fields) -> Page:
    """The child of ``parent`` with this slug, created or updated, and published."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, locale=parent.locale, **fields)
        parent.add_child(instance=page)
    else:
        _set_fields(page, fields)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def ensure_translation(page: Page, language_code: str, **fields) -> Page:
    """The page in that language, created by copy if missing, updated, and published."""
    locale = Locale.objects.get(language_code=language_code)
    translation = page.get_translation_or_none(locale)
    if translation is None:
        with transaction.atomic():
            translation = page.copy_for_translation(locale, copy_parents=True, alias=False)
    translation = translation.specific
    _set_fields(translation, fields)
    translation.save_revision().publish()
    return type(translation).objects.get(pk=translation.pk)


def ensure_translations(page: Page, translations: Mapping[str, Mapping]) -> dict[str, Page]:
    result = {page.locale.language_code: page}
    for code, fields in translations.items():
        result[code] = ensure_translation(page, code, **fields)
    return result


def demo_image(title: str, colour: str = "#0b5c8e", label: str | None = None, size=(1200, 750)):
    """A generated image (no download), reused when one with this title exists."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    picture = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(picture)
    for i in range(0, size[0], 60):
        draw.line([(i, 0), (i - size[1] // 2, size[1])], fill="#ffffff22", width=18)
    text = label or title
    draw.rectangle([(0, size[1] - 240), (size[0], size[1])], fill=colour)
    try:
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", 64)
    except OSError:
        font = ImageFont.load_default(size=64)
    draw.multiline_text((60, size[1] - 200), text, fill="#ffffff", font=font, spacing=12)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=82)
    slug = "".join(c if c.isalnum() else "-" for c in title.lower())[:60]
    image = Image(title=title, description=label or title, credit="Demo")
    image.file = ImageFile(buffer, name=f"demo-{slug}.jpg")
    image.save()
    return image


@contextmanager
def indexing_deferred() -> Iterator[None]:
    """Update the search index and Wagtail's reference index once per object, at the end.

    Every save of an indexed model normally queues one search update and one
    reference-index update (run at once by the immediate task backend, or left in the
    database queue in production). The demo saves most pages four to six times (create,
    revision, publish, translations), so it records what was saved and indexes each
    object once when the block ends, in this process, without the task queue. Deletions
    keep Wagtail's own handlers, so nothing stale is left behind.
    """
    from django.core.exceptions import ObjectDoesNotExist
    from modelsearch import index as search_index
    from modelsearch.signal_handlers import post_save_signal_handler as search_on_save
    from modelsearch.tasks import insert_or_update_object_task
    from wagtail.models import ReferenceIndex
    from wagtail.signal_handlers import update_reference_index_on_save
    from wagtail.tasks import update_reference_index_task

    # What the handlers would have enqueued: (app label, model name, pk), once each.
    to_index: set[tuple[str, str, str]] = set()
    to_reference: set[tuple[str, str, str]] = set()

    def recorder(into):
        def record(sender, instance, raw=False, **kwargs):
            if not raw:
                into.add((instance._meta.app_label, instance._meta.model_name, str(instance.pk)))

        return record

    searched = [
        m for m in search_index.get_indexed_models() if getattr(m, "search_auto_update", True)
    ]
    record_search, record_reference = recorder(to_index), recorder(to_reference)
    swaps = [(model, search_on_save, record_search) for model in searched]
    swaps += [
        (model, update_reference_index_on_save, record_reference)
        for model in ReferenceIndex.tracked_models
    ]
    for model, theirs, ours in swaps:
        post_save.disconnect(theirs, sender=model)
        post_save.connect(ours, sender=model, weak=False)
    try:
        yield
    finally:
        for model, theirs, ours in swaps:
            post_save.disconnect(ours, sender=model)
            post_save.connect(theirs, sender=model)
    # The tasks' own code, run here rather than queued; objects deleted since are skipped.
    runs = ((insert_or_update_object_task, to_index), (update_reference_index_task, to_reference))
    for task, saved in runs:
        for arguments in sorted(saved):
            with suppress(ObjectDoesNotExist):
                task.call(*arguments)
