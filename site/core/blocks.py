"""StreamField blocks shared by every page type (BaseStreamBlock and its parts)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from .links import LinkStructValue

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading (h2)")), ("h3", _("Sub-heading (h3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        description = _("A section heading. The page title is the only h1.")
        preview_value = {"text": "Nos missions", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        label = _("Paragraph")
        description = _("Text with bold, italic, lists and links.")
        preview_value = (
            "<p>Le service de prévention accompagne chaque habitant d'Ixelles au quotidien.</p>"
        )


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)

    class Meta:
        icon = "image"
        template = "blocks/figure_block.html"
        label = _("Image")
        description = _(
            "An image with its alternative text (or marked decorative) and an optional caption."
        )


class LinkBlock(blocks.StructBlock):
    """A page or an external URL, with an optional label."""

    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External URL"), required=False)
    label = blocks.CharBlock(label=_("Link text"), required=False, max_length=80)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choose either a page or a URL."))}
            )
        return value

    class Meta:
        icon = "link"
        value_class = LinkStructValue
        label = _("Link")


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    link = LinkBlock(label=_("Button"))

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        label = _("Call to action")
        description = _("A highlighted box with one button.")
        preview_value = {
            "title": "Besoin d'aide ?",
            "text": "Nos équipes vous répondent du lundi au vendredi.",
            "link": {"url": "https://example.org/", "label": "Nous contacter"},
        }


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question or title"), max_length=200)
    answer = ParagraphBlock(label=_("Answer"))


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Items"), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "blocks/accordion_block.html"
        label = _("Accordion / FAQ")
        description = _("Questions and answers that open one by one (native <details>).")
        preview_value = {
            "title": "Questions fréquentes",
            "items": [
                {"question": "Est-ce gratuit ?", "answer": "<p>Oui, toujours.</p>"},
                {"question": "Faut-il un rendez-vous ?", "answer": "<p>Non.</p>"},
            ],
        }


class ContactCardBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=120)
    role = blocks.CharBlock(label=_("Role or service"), required=False, max_length=120)
    phone = blocks.CharBlock(label=_("Phone"), required=False, max_length=40)
    email = blocks.EmailBlock(label=_("Email"), required=False)
    address = blocks.TextBlock(label=_("Address"), required=False)
    note = blocks.CharBlock(label=_("Note (e.g. when to call)"), required=False, max_length=200)

    class Meta:
        icon = "user"
        template = "blocks/contact_card_block.html"
        label = _("Contact card")
        description = _("How to reach a person or a service.")
        preview_value = {
            "name": "Accueil de la Prévention",
            "role": "Coordination",
            "phone": "+32 2 000 00 00",
            "email": "prevention@example.org",
            "address": "Rue Exemple 1, 1050 Ixelles",
            "note": "Du lundi au vendredi, de 9h à 17h",
        }


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = FigureBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()
    contact_card = ContactCardBlock()


class QuickLinkBlock(blocks.StructBlock):
    link = LinkBlock(label=_("Link"))
    description = blocks.CharBlock(label=_("Short description"), required=False, max_length=140)

    class Meta:
        icon = "link"
        template = "blocks/quick_link_block.html"
        label = _("Quick link")
        description = _("A tile on the home page leading to a main section.")
        preview_value = {
            "link": {"url": "https://example.org/", "label": "Activités jeunesse"},
            "description": "Sport, culture et lieux pour parler",
        }


EMERGENCY_SERVICES = [
    ("112", _("Emergencies (ambulance, fire brigade)")),
    ("101", _("Police")),
    ("103", _("Écoute-Enfants (children and teenagers)")),
    ("107", _("Télé-Accueil (someone to talk to)")),
    ("violence", _("Domestic violence helpline")),
    ("poison", _("Poison Centre")),
]


class EmergencyNumberBlock(blocks.StructBlock):
    service = blocks.ChoiceBlock(label=_("Service"), choices=EMERGENCY_SERVICES)
    number = blocks.CharBlock(label=_("Number"), max_length=30)

    class Meta:
        icon = "warning"
        label = _("Emergency number")
        preview_value = {"service": "112", "number": "112"}
